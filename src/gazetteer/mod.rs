//! Gazetteers built from `data/`, compiled into the binary.
