"""Platform adapters: one module per platform over a shared HTTP session."""
