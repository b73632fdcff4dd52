"""Text stages and settings: normalising, segmenting, the lexicon and its packs, the domain
guess."""
