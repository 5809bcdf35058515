//! A parallel map over a slice with scoped threads, for the per-file work of loading large stores.

/// Below this many items the work is done on the calling thread: threads would cost more than they save.
const MIN_PARALLEL: usize = 256;

/// How many threads parallel work may use: the available cores, at most 8 (more gain little here).
pub fn workers() -> usize {
    static WORKERS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *WORKERS.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8)
    })
}

/// What scoped threads returned, in the threads' order; a thread's panic goes on in the caller.
pub fn joined<R>(handles: Vec<std::thread::ScopedJoinHandle<'_, Vec<R>>>) -> Vec<R> {
    let mut out = Vec::new();
    for handle in handles {
        match handle.join() {
            Ok(results) => out.extend(results),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
    out
}

/// `f` applied to every item, results in the items' order, spread over the available cores.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = workers();
    if workers < 2 || items.len() < MIN_PARALLEL {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(workers);
    let f = &f;
    std::thread::scope(|scope| {
        joined(
            (items.chunks(chunk))
                .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
                .collect(),
        )
    })
}

/// [`map`] over items that `f` may change (given each item's index), results in the items' order.
pub fn map_mut<T: Send, R: Send>(items: &mut [T], f: impl Fn(usize, &mut T) -> R + Sync) -> Vec<R> {
    map_mut_with(items, || (), f)
}

/// [`map_mut`], with `setup` called on each thread before its share of the items and what it gives kept
/// until the share is done (a per-thread pool, say).
pub fn map_mut_with<T: Send, R: Send, G>(
    items: &mut [T],
    setup: impl Fn() -> G + Sync,
    f: impl Fn(usize, &mut T) -> R + Sync,
) -> Vec<R> {
    let workers = workers();
    if workers < 2 || items.len() < MIN_PARALLEL {
        let _kept = setup();
        return items.iter_mut().enumerate().map(|(i, t)| f(i, t)).collect();
    }
    let chunk = items.len().div_ceil(workers);
    let (f, setup) = (&f, &setup);
    std::thread::scope(|scope| {
        joined(
            (items.chunks_mut(chunk).enumerate())
                .map(|(n, part)| {
                    scope.spawn(move || {
                        let _kept = setup();
                        (part.iter_mut().enumerate())
                            .map(|(i, t)| f(n * chunk + i, t))
                            .collect::<Vec<R>>()
                    })
                })
                .collect(),
        )
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order_small_and_large() {
        let small: Vec<u32> = (0..10).collect();
        assert_eq!(
            super::map(&small, |x| x * 2),
            (0..10).map(|x| x * 2).collect::<Vec<_>>()
        );
        let large: Vec<u32> = (0..10_000).collect();
        assert_eq!(
            super::map(&large, |x| x + 1),
            (1..10_001).collect::<Vec<_>>()
        );
        let mut items: Vec<usize> = vec![0; 10_000];
        let indexes = super::map_mut(&mut items, |i, x| {
            *x = i * 2;
            i
        });
        assert_eq!(indexes, (0..10_000).collect::<Vec<_>>());
        assert!(items.iter().enumerate().all(|(i, x)| *x == i * 2));
    }
}
