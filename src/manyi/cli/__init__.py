"""The ``manyi`` command: click wrappers over the library, shared options, printed text."""
