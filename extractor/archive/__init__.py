"""Archive: batch runs, the store, lineage, reports, checks, pages, the server and exports."""
