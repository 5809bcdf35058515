//! How the process's heap grows, set once at start.
//!
//! Loading a large store makes millions of small allocations on two threads. glibc gives each thread an
//! arena of its own and, by default, grows it a few pages at a time, one `mprotect` call each: a warm
//! 100k-exercise store made 70,000 of them, about a tenth of its load time. Asking for 64 MB of slack at
//! each growth makes that a handful. Pages not yet written cost no memory, so the peak RSS stays the same.

/// Slack asked for each time an arena grows.
const TOP_PAD: i32 = 64 << 20;

/// Makes the heap grow in large steps (glibc only; elsewhere the allocator's own policy stands).
pub fn grow_in_large_steps() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets a tuning parameter of glibc's allocator, under the allocator's own
    // locks (glibc documents it MT-safe); it takes no pointers, and a refusal (0) leaves the default.
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, TOP_PAD);
    }
}
