-- Schema version 2: Home counts open incidents at every unlock. Without an index that count read every
-- incident row (long descriptions) into the page cache: ~2.4 MiB resident for 2,000 incidents.
CREATE INDEX incident_status ON incident(status);
