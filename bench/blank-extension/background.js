// Intentionally empty: the launcher waits for a service worker, and this one does nothing.
