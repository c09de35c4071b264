// The keys a person refers to that are not in the reference data, per kind, so a 422 can name them.
RETURN
  [k IN $languages WHERE NOT EXISTS { MATCH (:Language {key: k}) }] AS languages,
  [k IN $places WHERE NOT EXISTS { MATCH (:Place:Municipality {key: k}) }] AS places,
  [k IN $industries WHERE NOT EXISTS { MATCH (:Industry {key: k}) }] AS industries,
  [k IN $fields WHERE NOT EXISTS { MATCH (:Field {key: k}) }] AS fields
