package vn.bluezone.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry's CSV files: spreadsheet quirks read, and every record named by the line it starts on. */
class CsvReaderTest {

    private static List<CsvReader.Record> read(String text) throws IOException {
        return CsvReader.read(new StringReader(text));
    }

    @Test
    void commentsBeforeTheHeaderBomQuotesAndLineNumbers() throws IOException {
        List<CsvReader.Record> records = read("\uFEFF# census 2019\r\n# source: GSO\r\nma,ten,dan_so\r\n"
                + "46,\"Thừa Thiên Huế\",1128620\r\n\r\n"
                + "19873,\"Xã \"\"Quảng\"\" Ngạn\",\"dòng 1\ndòng 2\"\r\n"
                + ",,\n"
                + "#1,after header,is data\n"
                + "19876,Xã Quảng Công,7000");
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(3, 4, 6, 9, 10);
        assertThat(records.get(0).fields()).containsExactly("ma", "ten", "dan_so");
        assertThat(records.get(1).fields()).containsExactly("46", "Thừa Thiên Huế", "1128620");
        assertThat(records.get(2).fields()).containsExactly("19873", "Xã \"Quảng\" Ngạn", "dòng 1\ndòng 2");
        assertThat(records.get(3).fields()).containsExactly("#1", "after header", "is data");
        assertThat(records.get(4).fields()).containsExactly("19876", "Xã Quảng Công", "7000");
    }

    @Test
    void anUnclosedQuoteNamesTheLineItStartsOn() {
        assertThatThrownBy(() -> read("ma,ten\n46,Huế\n\n\n19873,\"Quảng Ngạn\n"))
                .isInstanceOf(IOException.class).hasMessage("line 5: a quoted field is not closed");
        assertThatThrownBy(() -> read("ma,ten\n\"46,Huế\n"))
                .isInstanceOf(IOException.class).hasMessage("line 2: a quoted field is not closed");
    }

    @Test
    void emptyInputHasNoRecords() throws IOException {
        assertThat(read("")).isEmpty();
        assertThat(read("\uFEFF\n\n")).isEmpty();
    }
}
