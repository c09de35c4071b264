// Staff search people by name; a text index serves CONTAINS on lower-cased names.
CREATE TEXT INDEX person_name_lower IF NOT EXISTS FOR (p:Person) ON (p.name_lower)
