package fwsh.shell

import spock.lang.Specification

class PrinterSpec extends Specification {
    def table = new Printer(Format.TABLE, false)
    def json = new Printer(Format.JSON, false)
    def csv = new Printer(Format.CSV, false)

    def "null prints nothing, strings print as they are, values as their one-liner"() {
        expect:
        table.render(null) == ''
        table.render('two\nlines') == 'two\nlines\n'
        table.render(42) == '42\n'
        table.render(new FakeValue(name: 'PAOS', fields: [local_port: 1, admin_status: 'up'])) ==
                'PAOS(local_port=1 admin_status=up)\n'
    }

    def "maps are two aligned columns"() {
        expect:
        table.render([port: 1, admin_status: 'up', x: [1, 2]]) ==
                'port          1\n' +
                'admin_status  up\n' +
                'x             [1, 2]\n'
    }

    def "lists of maps or toMap() values are tables with a header; numbers right-aligned"() {
        given:
        def rows = [new FakeValue(name: 'A', fields: [port: 1, state: 'up']),
                    [port: 128, state: 'down', extra: 'e']]

        expect:
        table.render(rows) ==
                'port  state  extra\n' +   // headers align like their column
                '----  -----  -----\n' +
                '   1  up\n' +
                ' 128  down   e\n'
    }

    def "short lists of plain values print inline, long or rich ones as an indexed table"() {
        expect:
        table.render([1, 2, 3]) == '[1, 2, 3]\n'
        table.render([]) == '[]\n'
        table.render((1..40).collect { "item$it" }).readLines().size() == 40
        table.render((1..40).collect { "item$it" }).readLines()[11] == '11  item12'
        table.render([java.time.Duration.ofSeconds(1), 'b']).readLines().size() == 2
    }

    def "byte arrays are hexdumps: offset, 16 bytes in two groups, ASCII"() {
        given:
        byte[] data = (('ConnectX-7 fw' as String).bytes.toList() + [0, 1, 0x7f, 0xff]) as byte[]

        expect:
        table.render(data) ==
                '00000000  43 6f 6e 6e 65 63 74 58  2d 37 20 66 77 00 01 7f  |ConnectX-7 fw...|\n' +
                '00000010  ff                                                |.|\n'
        table.render(new byte[0]) == '(0 bytes)\n'
    }

    def "JSON: one compact document per result, toMap() values as objects, bytes as hex"() {
        expect:
        json.render([new FakeValue(name: 'P', fields: [local_port: 1, up: true])]) == '[{"local_port":1,"up":true}]\n'
        json.render([a: [1, 2] as byte[], b: null, s: 'x"y']) == '{"a":"0102","b":null,"s":"x\\"y"}\n'
        json.render('text') == '"text"\n'
        json.render(null) == ''
    }

    def "records print as their one-liner; in JSON, CSV and tables their components are the fields"() {
        given:
        def r = new fwsh.dsl.trace.TraceSummary(10, 4, 2, 0, 0, 0, 1, 0, 1, 'for', null)

        expect:
        table.render(r) == r.toString() + '\n'
        json.render(r) == '{"events":10,"messages":4,"shown":2,"lost":0,"overruns":0,"lostFlagEvents":0,"badFormats":1,' +
                '"raw":0,"blocks":1,"ended":"for","error":null,"damagedRecords":0}\n'
        csv.render([r]).readLines()[0] == 'events,messages,shown,lost,overruns,lostFlagEvents,badFormats,raw,blocks,ended,error,damagedRecords'
    }

    def "a result its command already printed is not echoed again in a table, but is in JSON; the memory is one echo long"() {
        given:
        def r = new fwsh.dsl.trace.TraceSummary(10, 4, 2, 0, 0, 0, 1, 0, 1, 'for', null)

        expect:
        fwsh.dsl.engine.Shown.printed(r).is(r)
        table.echo(r) == ''
        table.echo(r) == r.toString() + '\n'
        fwsh.dsl.engine.Shown.printed(r).is(r)
        json.echo(r).startsWith('{"events":10')
        table.echo(r) == r.toString() + '\n'
    }

    def "CSV: header and rows for tables, quoting where RFC 4180 needs it"() {
        expect:
        csv.render([[name: 'a,b', note: 'say "hi"'], [name: 'c']]) == 'name,note\n"a,b","say ""hi"""\nc,\n'
        csv.render([port: 1]) == 'key,value\nport,1\n'
        csv.render([1, 2]) == '1\n2\n'
        csv.render(new FakeValue(name: 'P', fields: [a: 1])) == 'a\n1\n'
    }

    def "colour only decorates table headers, and only when asked"() {
        expect:
        new Printer(Format.TABLE, true).render([[a: 1]]).contains('\u001b[1m')
        !table.render([[a: 1]]).contains('\u001b')
    }

    def "JSON is groovy-json's: NaN and infinite rates are null, enums and unknown objects their text, no \\u escapes"() {
        expect:
        json.render([rate: Double.NaN, top: Double.POSITIVE_INFINITY, f: 1.5f, scope: fwsh.channel.Scope.DEBUG_WRITE,
                     when: java.time.Duration.ofMillis(1500), name: 'é']) ==
                '{"rate":null,"top":null,"f":1.5,"scope":"debug-write","when":"PT1.5S","name":"é"}\n'
        json.render([[v: new FakeValue(name: 'P', fields: [nested: new FakeValue(name: 'Q', fields: [x: 1])])]]) ==
                '[{"v":{"nested":{"x":1}}}]\n'
    }

    def "CSV of a value with toRows() is its rows"() {
        given:
        def v = new Object() {
            List toRows() { [[name: 'a', n: 1], [name: 'b', n: 2]] }
            Map toMap() { [count: 2] }
        }

        expect:
        csv.render(v) == 'name,n\na,1\nb,2\n'
        json.render(v) == '{"count":2}\n'
    }

    def "given a screen, large results are cut to it and end in '… N more'"() {
        given:
        def screen = new Screen(20, 80)

        when:
        def list = (1..3_000_000).toList()
        def shown = [list: table.render(list, screen), map: table.render((1..1000).collectEntries { [("k$it"): it] }, screen),
                     rows: table.render((1..500).collect { [port: it, state: 'up'] }, screen),
                     text: table.render((1..300).collect { "line $it" }.join('\n'), screen),
                     long: table.render('x' * 100_000, screen), bytes: table.render(new byte[10_000], screen),
                     json: json.render(list, screen), csv: csv.render(list, screen)]

        then: 'each fits the screen, and the count of what was left out adds up'
        shown.every { k, v -> v.readLines().size() <= screen.lines() }
        more(shown.list) + shown.list.readLines().size() - 1 == list.size()
        more(shown.map) + shown.map.readLines().size() - 1 == 1000
        more(shown.rows) + shown.rows.readLines().size() - 3 == 500          // header and rule
        more(shown.text) + shown.text.readLines().size() - 1 == 300
        shown.long.readLines()[0] == 'x' * (screen.rows() * 80)
        shown.long.readLines()[1] == "… ${100_000 - screen.rows() * 80} more characters"
        shown.bytes.readLines().last() == "… ${10_000 - screen.rows() * 16} more bytes"
        more(shown.json) + new groovy.json.JsonSlurper().parseText(shown.json.readLines()[0]).size() == list.size()
        more(shown.csv) + shown.csv.readLines().size() - 1 == list.size()

        and: 'small results are untouched'
        table.render([1, 2, 3], screen) == '[1, 2, 3]\n'
        table.render((1..10).collect { "item$it" }, screen) == table.render((1..10).collect { "item$it" })
    }

    static int more(String shown) {
        def m = shown.readLines().last() =~ /^… (\d+) more( lines)?$/
        assert m.matches()
        m.group(1) as int
    }

    def "rendering stops when its thread is interrupted (Ctrl-C in the REPL)"() {
        given:
        def big = (1..3_000_000).collect { [n: it, s: "row $it"] }
        Throwable stopped = null
        def t = Thread.start {
            try {
                table.render(big)
            } catch (Throwable e) {
                stopped = e
            }
        }

        when:
        Thread.sleep(200)
        t.interrupt()
        t.join(5000)

        then:
        !t.alive
        stopped instanceof InterruptedException
    }
}
