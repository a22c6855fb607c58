//! Batch processing: inputs, the parallel ordered map, outputs, progress.
