package fwsh.shell

import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.concurrent.TimeUnit

/** The bash completion script the build ships (completion/fwsh.bash), run in a real bash. */
@Requires({ new File('/bin/bash').canExecute() })
class CompletionScriptSpec extends Specification {
    @TempDir
    Path dir

    /** What bash offers for the words typed so far (the last one being completed). */
    List<String> complete(String... words) {
        def script = dir.resolve('fwsh.bash')
        if (!script.toFile().exists()) CompletionScript.main(script.toString())
        String typed = words.collect { "'$it'" }.join(' ')
        String cmd = """source '$script'
COMP_WORDS=(fwsh $typed); COMP_CWORD=${words.length}; COMP_LINE="fwsh ${words.join(' ')}"; COMP_POINT=\${#COMP_LINE}
_complete_fwsh fwsh '${words.last()}' '${words.length > 1 ? words[-2] : 'fwsh'}'
printf '%s\\n' "\${COMPREPLY[@]}\""""
        // stderr: bash says compopt only works inside real completion; the candidates are on stdout
        def p = new ProcessBuilder('/bin/bash', '--norc', '-c', cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start()
        String out = p.inputStream.text
        assert p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0: out
        out.readLines()*.trim().findAll()
    }

    def "options, subcommands and option values complete"() {
        expect:
        complete('--emu') == ['--emulate']
        complete('te') == ['test']
        complete('--scope', '') as Set == ['debug-read-only', 'configuration', 'debug-write', 'debug-write-full'] as Set
        complete('--format', '') as Set == ['table', 'json', 'csv'] as Set
        complete('--transport', 'f') == ['fwctl']
        complete('test', '--ju') == ['--junit-xml']
        complete('pack', '') == ['new']
    }

    def "the script names every option of fwsh and its subcommands"() {
        when:
        String text = CompletionScript.bash()

        then:
        ['--device', '--emulate', '--replay', '--replay-mode', '--transport', '--scope', '--journal', '--record', '--format',
         '--no-color', '--init', '--list-scripts', '--verbose', '--version', '--help', '--eval', '--standard', '--junit-xml']
                .every { text.contains(it) }
        text.contains('cx7ib:fwctl')
    }
}
