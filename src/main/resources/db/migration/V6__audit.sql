-- Append-only, hash-chained audit log. Each row's hash covers its fields and the previous row's hash;
-- audit_head holds the last sequence number and hash so that deleting rows at the end is detected too.
CREATE TABLE audit_log (
    seq        BIGINT        PRIMARY KEY,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    operator   VARCHAR(100)  NOT NULL,
    action     VARCHAR(64)   NOT NULL,
    subject    VARCHAR(255)  NOT NULL,
    detail     VARCHAR(2000) NOT NULL,
    prev_hash  CHAR(64)      NOT NULL,
    hash       CHAR(64)      NOT NULL
);

CREATE TABLE audit_head (
    id    INT      PRIMARY KEY,
    seq   BIGINT   NOT NULL,
    hash  CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
