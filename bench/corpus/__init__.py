"""Building blocks of the benchmark corpus generator (see bench/gen_corpus.py)."""
