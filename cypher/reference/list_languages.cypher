// Every language, ordered by key, in the contract's reference item shape.
MATCH (n:Language)
RETURN n.key AS key, n.name_sv AS name_sv, n.name_en AS name_en, null AS parent
ORDER BY key
