"""Pull (inbound) and push (outbox) engines."""
