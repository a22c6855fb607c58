//! Extraction stage: references, dates, periods, KPI figures, abbreviations.
