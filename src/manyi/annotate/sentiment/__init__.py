"""The sentiment model: n-gram features, lookup tables, the comment head, fitting, storage."""
