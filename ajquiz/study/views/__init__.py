"""Study pages, one module per mode: the study list and settings, review, learn, match."""
