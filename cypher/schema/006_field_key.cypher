// Education fields are keyed by ISCED-F 2013 code (broad, narrow, detailed).
CREATE CONSTRAINT field_key IF NOT EXISTS FOR (n:Field) REQUIRE n.key IS UNIQUE
