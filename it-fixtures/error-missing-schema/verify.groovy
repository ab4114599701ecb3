// Post-build check of a build that must fail: No schema file anywhere: one location-less error that names the glob it searched.
// build.log may hold ANSI colour codes; strip them before comparing lines.
def lines = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[0-9;]*m/, '').readLines()
def expected = [
    '[SCHEMA_NOT_FOUND] No schema found: looked for src/main/graphql/**/*.graphqls.'
]
expected.each { diagnostic ->
    // The diagnostic in javac's shape, followed by its hint on the next line.
    int at = lines.indexOf('[ERROR] ' + diagnostic)
    assert at >= 0 : "missing diagnostic line: [ERROR] $diagnostic"
    assert lines[at + 1].startsWith('    hint: ') : "no hint after: ${lines[at]}"
    // Repeated in the failure message that Maven prints.
    assert lines.contains('[ERROR]   ' + diagnostic)
}
// The failure names the count and comes from the goal, not from a later phase.
assert lines.any { it.startsWith('[ERROR] Failed to execute goal io.github.sodagql:soda-gql-maven-plugin:') &&
        it.endsWith(': soda-gql found 1 error:') }
assert lines.contains('[INFO] BUILD FAILURE')
assert lines.any { it.startsWith('[INFO] soda-gql: ') && it.contains(', 1 error, 0 warnings') }
assert !lines.any { it.contains('maven-compiler-plugin') }
// No stack trace: no 'at ...' frame, no 'Caused by', and 'Exception' only in Maven's help link.
assert !lines.any { it =~ /^\s+at / }
assert !lines.any { it.contains('Caused by') }
assert lines.findAll { it.contains('Exception') }.every {
    it == '[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException' }
assert !new File(basedir, 'target/classes').exists()
return true
