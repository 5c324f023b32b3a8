// API handlers.
