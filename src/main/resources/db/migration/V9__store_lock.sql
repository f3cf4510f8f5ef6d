-- Named lock rows. A transaction that must not run beside another of its kind, on this kiosk or on another kiosk
-- sharing the database, first selects its row FOR UPDATE (org.gapdesk.store.StoreLock); the lock is released
-- when the transaction ends. Plain SQL that H2 and PostgreSQL both run.
CREATE TABLE store_lock (
    name  VARCHAR(32) PRIMARY KEY
);
INSERT INTO store_lock (name) VALUES ('intake');
