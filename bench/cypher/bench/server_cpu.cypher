// The CPU time the database server's process has used so far, in nanoseconds (JMX), so a
// measure can report the server's work beside wall-clock time, which a busy machine stretches.
CALL dbms.queryJmx('java.lang:type=OperatingSystem') YIELD attributes
RETURN attributes.ProcessCpuTime.value AS nanoseconds
