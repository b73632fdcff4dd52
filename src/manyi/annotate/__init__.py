"""One comment in, its annotations out: flags, factor and aspect mentions, sentiment."""
