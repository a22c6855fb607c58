//! Rebuilding `dictionaries/` from source corpora, word lists and OCR pairs.
