-- H2 only (Database.openH2 adds this folder to Flyway's locations; PostgreSQL never sees it).
-- An H2 identity column hands out numbers from a cache and, each time the cache is used up, records the next
-- block with a commit of its own, which writes every page changed so far, the importing transaction's too. With
-- the default cache of 32 a 10,000-machine import made about a thousand such writes. Larger caches for the
-- tables that grow by thousands of rows at a time. A killed process skips at most the rest of a block:
-- numbers may have gaps, never repeats.
ALTER TABLE machine ALTER COLUMN id SET CACHE 1000;
ALTER TABLE activation_request ALTER COLUMN id SET CACHE 1000;
ALTER TABLE request_event ALTER COLUMN id SET CACHE 1000;
ALTER TABLE confirmation_history ALTER COLUMN id SET CACHE 1000;
ALTER TABLE receipt_entry ALTER COLUMN id SET CACHE 1000;
