// Post-build check: generated, compiled, and the HTTP client test ran every case against the real server.
def generated = new File(basedir, 'target/generated-sources/soda-gql/com/example/client/graphql')
['GetBookQuery', 'ListBooksQuery', 'SearchQuery', 'EchoQuery', 'AddBookMutation', 'NewBookInput', 'AuthorInput',
 'Genre', 'BookParts', 'AuthorParts', 'Input'].each { assert new File(generated, "${it}.java").isFile() : it }
assert new File(basedir, 'target/classes/META-INF/soda-gql/operations.json').isFile()
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.client.LibraryClientTest.xml')
assert report.isFile()
def suite = (report.text =~ /<testsuite [^>]*>/)[0]
assert suite.contains('tests="8"') && suite.contains('failures="0"') && suite.contains('errors="0"') && suite.contains('skipped="0"')
def log = new File(basedir, 'build.log').text
assert log.contains('soda-gql: 3 documents, 5 operations, 2 fragments, 0 errors, 0 warnings')
assert log.contains('Tests run: 8, Failures: 0, Errors: 0, Skipped: 0')
assert !log.contains('at io.github.sodagql') && !log.contains('[ERROR]')
return true
