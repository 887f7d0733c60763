-- The floor of bench-stats: S1–S4 for one year (psql variable `year`) as one plain aggregate
-- query over the same tables the extract reads, with the same conversion to euro (the last ECB
-- rate on or before the day), but none of the extract's care: no corrected dates, no
-- breakdowns, no records listed, no audit.
WITH span AS (SELECT make_date(:'year'::int, 1, 1) AS first_day, make_date(:'year'::int, 12, 31) AS last_day),
domestic AS (
    SELECT o.id, o.kind, o.decision_date FROM legal_order o, deployment d
    WHERE o.issuing_state = d.member_state AND o.executing_state = d.member_state),
orders AS (
    SELECT o.kind, min(e.executed_on) AS first_on FROM domestic o JOIN order_execution e ON e.order_id = o.id GROUP BY o.id, o.kind),
property AS (
    SELECT DISTINCT ON (o.kind, e.asset_id) o.kind, e.asset_id, e.executed_on,
        CASE o.kind WHEN 'freezing' THEN e.executed_on ELSE o.decision_date END AS valued_on
    FROM domestic o JOIN order_execution e ON e.order_id = o.id
    WHERE e.asset_id IS NOT NULL
    ORDER BY o.kind, e.asset_id, e.executed_on),
valued AS (
    SELECT p.kind, v.amount / coalesce(r.rate, 1) AS euro
    FROM property p CROSS JOIN span s
    CROSS JOIN LATERAL (
        SELECT amount, currency FROM valuation WHERE asset_id = p.asset_id AND valued_on <= p.valued_on
        ORDER BY valued_on DESC, created_at DESC, id DESC LIMIT 1) v
    LEFT JOIN LATERAL (
        SELECT rate FROM reference_rate WHERE v.currency <> 'EUR' AND currency = v.currency AND day <= p.valued_on ORDER BY day DESC LIMIT 1) r ON true
    WHERE p.executed_on BETWEEN s.first_day AND s.last_day)
SELECT
    (SELECT count(*) FROM orders, span s WHERE kind = 'freezing' AND first_on BETWEEN s.first_day AND s.last_day) AS s1,
    (SELECT count(*) FROM orders, span s WHERE kind = 'confiscation' AND first_on BETWEEN s.first_day AND s.last_day) AS s2,
    (SELECT round(sum(euro), 2) FROM valued WHERE kind = 'freezing') AS s3,
    (SELECT round(sum(euro), 2) FROM valued WHERE kind = 'confiscation') AS s4;
