"""Page handlers: request data in, a `Page` out. They call the self-service services once and
put their results (or refusals) in the pages' words; routes only read the form and render."""
