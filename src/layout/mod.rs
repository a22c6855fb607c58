//! Layout stage: header, sections, paragraphs, tables, recipients, signature.
