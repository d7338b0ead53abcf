package fwsh.shell

import fwsh.channel.Scope
import fwsh.channel.Transport
import spock.lang.Specification

import java.nio.file.Path

class OptionParserSpec extends Specification {

    def "every option is read, in both --opt VALUE and --opt=VALUE forms"() {
        when:
        def o = OptionParser.parse(['--device', '0000:3b:00.0', '--transport=mlx5ctl', '--scope', 'debug-write',
                                    '--journal=/tmp/j.jsonl', '--format', 'json', '--no-color', '--verbose',
                                    '--init', 'i.groovy'] as String[])

        then:
        o.device == '0000:3b:00.0'
        o.transport == Transport.MLX5CTL
        o.ceiling == Scope.DEBUG_WRITE
        o.journal == Path.of('/tmp/j.jsonl')
        o.format == Format.JSON
        o.noColor
        o.verbose
        o.init == Path.of('i.groovy')
        o.script == null && o.code == null && o.args.isEmpty()
    }

    def "--emulate takes an optional profile only with '=', so a following file stays the script"() {
        expect:
        with(OptionParser.parse(['--emulate', 'x.groovy', 'a'] as String[])) {
            emulate && emulateProfile == null && script == Path.of('x.groovy') && args == ['a']
        }
        with(OptionParser.parse(['--emulate=cx7'] as String[])) {
            emulate && emulateProfile == 'cx7'
        }
    }

    def "arguments after the script file belong to the script, even ones that look like options"() {
        when:
        def o = OptionParser.parse(['--verbose', 'rates.groovy', '--port', '1', '--help'] as String[])

        then:
        o.verbose
        !o.help
        o.script == Path.of('rates.groovy')
        o.args == ['--port', '1', '--help']
    }

    def "-e takes the code; later words are the code's args; -- ends the options"() {
        expect:
        with(OptionParser.parse(['-e', 'println args', 'x', 'y'] as String[])) {
            code == 'println args' && script == null && args == ['x', 'y']
        }
        with(OptionParser.parse(['--', '--odd-name.groovy'] as String[])) {
            script == Path.of('--odd-name.groovy')
        }
    }

    def "mistakes are one line naming the option and what to do: #argv"() {
        when:
        OptionParser.parse(argv as String[])

        then:
        def e = thrown(UsageException)
        e.message == message

        where:
        argv                         | message
        ['--bogus']                  | "unknown option '--bogus'"
        ['-x']                       | "unknown option '-x'"
        ['--device']                 | '--device needs a value'
        ['--device=']                | '--device needs a non-empty value'
        ['--transport', 'usb']       | "unknown transport 'usb'; use fwctl or mlx5ctl"
        ['--format', 'xml']          | "unknown format 'xml'; use table, json or csv"
        ['--scope', 'root']          | "unknown scope 'root'; use configuration, debug-read-only, debug-write or debug-write-full"
        ['--verbose=yes']            | '--verbose takes no value'
        ['--emulate=']               | '--emulate= needs a profile name'
        ['-e']                       | '-e needs a value'
    }

    def "the usage text lists every option and the exit codes"() {
        expect:
        ['--device', '--emulate', '--transport', '--scope', '--journal', '--format', '--no-color', '--verbose',
         '--version', '--help', '--init', 'exit status'].every { OptionParser.USAGE.contains(it) }
    }
}
