//! Geometry of lists whose rows take different heights (wrapped options, wrapped routine lines): which row
//! to show first so the cursor stays in view, and which row a click lands on.

/// For items of the given heights in a window of `height` rows, the first item to show so that `cursor`
/// is visible (scrolling as little as possible from the top).
pub fn first_visible(heights: &[u16], height: u16, cursor: usize) -> usize {
    if heights.is_empty() {
        return 0;
    }
    let cursor = cursor.min(heights.len() - 1);
    let mut first = 0;
    let used = |from: usize| {
        heights[from..=cursor]
            .iter()
            .map(|&h| u32::from(h))
            .sum::<u32>()
    };
    while first < cursor && used(first) > u32::from(height) {
        first += 1;
    }
    first
}

/// Which item sits at `row` rows below the top of the window, if any.
pub fn item_at(heights: &[u16], first: usize, row: u16) -> Option<usize> {
    let mut top = 0u32;
    for (i, &h) in heights.iter().enumerate().skip(first) {
        if u32::from(row) < top + u32::from(h) {
            return Some(i);
        }
        top += u32::from(h);
    }
    None
}

/// Do the items from `first` on run past a window of `height` rows?
pub fn more_below(heights: &[u16], first: usize, height: u16) -> bool {
    heights
        .iter()
        .skip(first)
        .map(|&h| u32::from(h))
        .sum::<u32>()
        > u32::from(height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_in_view() {
        let heights = [2, 2, 2, 2];
        assert_eq!(first_visible(&heights, 4, 1), 0);
        assert_eq!(first_visible(&heights, 4, 3), 2);
        assert_eq!(item_at(&heights, 2, 3), Some(3));
        assert_eq!(item_at(&heights, 0, 9), None);
        assert_eq!(first_visible(&[], 4, 0), 0);
        assert!(more_below(&heights, 0, 4));
        assert!(!more_below(&heights, 2, 4));
    }
}
