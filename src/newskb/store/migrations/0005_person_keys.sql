-- Person blocking keys now carry the first letter of the first name (resolve.keys.person_keys):
-- smaller blocks, the same matches. Recompute every stored person's keys from its aliases;
-- newskb_person_keys() is registered by the migration runner (a JSON array of keys).
DELETE FROM canon_keys;
INSERT OR IGNORE INTO canon_keys (key, canon_id)
SELECT k.value, a.canon_id
FROM canon_aliases a
JOIN canon c ON c.id = a.canon_id
JOIN json_each(newskb_person_keys(a.alias)) k
WHERE c.type = 'PERSON';
