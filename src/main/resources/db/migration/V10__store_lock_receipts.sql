-- Receipts: two kiosks importing the same results file at once store it once (see V9__store_lock.sql).
INSERT INTO store_lock (name) VALUES ('receipts');
