-- An Idempotency-Key's answer is now written in the same transaction as the change it
-- reports, and a request still being carried out holds a transaction-scoped advisory lock
-- instead of a placeholder row. The placeholders (status 0) that requests whose process
-- died left behind guarded nothing: their change, if any, was committed apart from them.
DELETE FROM idempotency_record WHERE status = 0;

ALTER TABLE idempotency_record ADD CONSTRAINT idempotency_record_answered CHECK (status BETWEEN 100 AND 599);

-- Expired answers are deleted by age.
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
