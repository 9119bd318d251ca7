-- The PII corpus of the unit tests (tests/unit/pii_corpus.tsv: question,
-- values that must disappear, values that must survive) through the trigger.
TRUNCATE tde_pairs;
CREATE TEMP TABLE corpus (n serial, question text, gone text, kept text);
\copy corpus (question, gone, kept) FROM 'tests/unit/pii_corpus.tsv' WITH (FORMAT csv, DELIMITER E'\t', QUOTE E'\x01')
SELECT count(*) >= 300 AS at_least_300_lines, count(*) FILTER (WHERE coalesce(gone, '') <> '') > 100 AS with_personal_data
  FROM corpus;
INSERT INTO tde_pairs (natural_language_query, metadata)
SELECT question, jsonb_build_object('n', n, 'copy', question) FROM corpus;

-- Nothing that must disappear is left, in the question or in metadata.
SELECT c.n, 'leaked' AS problem
  FROM corpus c JOIN tde_pairs p ON (p.metadata ->> 'n')::int = c.n,
       unnest(string_to_array(c.gone, ' | ')) AS v
 WHERE v <> '' AND (strpos(p.natural_language_query, v) > 0 OR strpos(p.metadata ->> 'copy', v) > 0)
UNION ALL
-- Everything that must survive is still there.
SELECT c.n, 'lost'
  FROM corpus c JOIN tde_pairs p ON (p.metadata ->> 'n')::int = c.n,
       unnest(string_to_array(c.kept, ' | ')) AS v
 WHERE v <> '' AND strpos(p.natural_language_query, v) = 0
ORDER BY 1;

-- Re-anonymizing changes nothing.
CREATE TEMP TABLE before AS SELECT pair_id, natural_language_query, metadata FROM tde_pairs;
UPDATE tde_pairs SET success = NOT success;
SELECT count(*) AS changed_on_update
  FROM tde_pairs p JOIN before b USING (pair_id)
 WHERE p.natural_language_query <> b.natural_language_query OR p.metadata <> b.metadata;

-- The adversarial corpus (tests/unit/pii_corpus_redteam.tsv; "#" lines are
-- comments, a fourth column "multi" marks numbers found only with several
-- phone regions) through the trigger, with the default region list.
TRUNCATE tde_pairs;
CREATE TEMP TABLE redteam_lines (n serial, line text);
\copy redteam_lines (line) FROM 'tests/unit/pii_corpus_redteam.tsv' WITH (FORMAT csv, DELIMITER E'\x02', QUOTE E'\x01')
CREATE TEMP TABLE redteam AS
SELECT n, split_part(line, E'\t', 1) AS question, split_part(line, E'\t', 2) AS gone,
       split_part(line, E'\t', 3) AS kept
  FROM redteam_lines
 WHERE line NOT LIKE '#%' AND line <> '' AND split_part(line, E'\t', 4) <> 'multi';
SELECT count(*) >= 450 AS redteam_lines FROM redteam;
INSERT INTO tde_pairs (natural_language_query, metadata)
SELECT question, jsonb_build_object('n', n, 'copy', question) FROM redteam;
SELECT c.n, 'leaked' AS problem
  FROM redteam c JOIN tde_pairs p ON (p.metadata ->> 'n')::int = c.n,
       unnest(string_to_array(c.gone, ' | ')) AS v
 WHERE v <> '' AND (strpos(p.natural_language_query, v) > 0 OR strpos(p.metadata ->> 'copy', v) > 0)
UNION ALL
SELECT c.n, 'lost'
  FROM redteam c JOIN tde_pairs p ON (p.metadata ->> 'n')::int = c.n,
       unnest(string_to_array(c.kept, ' | ')) AS v
 WHERE v <> '' AND strpos(p.natural_language_query, v) = 0
ORDER BY 1;
