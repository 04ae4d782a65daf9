package cn.foi.command.ledger;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.core.io.InputStreamSource;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a ledger file row by row, never whole: CSV through Commons CSV (UTF-8 with or without BOM, or GB18030 as Excel
 * saves it on a Chinese system), XLSX through POI's SAX reader (date cells as dates). A file is read several times (to
 * tell its kind, its encoding, then its rows), which is why it comes as a source that opens new streams.
 */
public final class LedgerFiles {

    /** Receives the rows in order: 1-based row numbers as the spreadsheet shows them, cells by column index. */
    @FunctionalInterface
    public interface RowSink {
        void row(int row, List<String> cells);
    }

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final Charset GB18030 = Charset.forName("GB18030");

    private LedgerFiles() {
    }

    public static void read(InputStreamSource source, RowSink sink) {
        byte[] head = head(source);
        if (head.length == 0) {
            throw new LedgerFileException("上传的台账文件是空的", true);
        }
        if (startsWith(head, ZIP)) {
            readXlsx(source, sink);
        } else if (startsWith(head, OLE2)) {
            throw new LedgerFileException("这是旧版 Excel（.xls）文件，无法直接导入：请在 Excel 中另存为 .xlsx 或 CSV 后再导入", false);
        } else if (binary(head)) {
            throw new LedgerFileException("这不是台账文件：只能导入 CSV（UTF-8 或 GB18030 编码）或 Excel .xlsx 文件", false);
        } else {
            readCsv(source, sink);
        }
    }

    /** Whether the file is an XLSX workbook (a ZIP package); anything else read as a ledger is CSV. */
    static boolean isXlsx(InputStreamSource source) {
        return startsWith(head(source), ZIP);
    }

    // ---- CSV

    private static void readCsv(InputStreamSource source, RowSink sink) {
        Charset charset = charset(source);
        try (InputStream in = new BufferedInputStream(source.getInputStream(), 65536)) {
            if (charset == StandardCharsets.UTF_8) {
                in.mark(3);
                if (!Arrays.equals(in.readNBytes(3), UTF8_BOM)) {
                    in.reset();
                }
            }
            Reader reader = new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
            // Blank lines are kept as records, so that record numbers stay the line numbers a clerk sees in Excel.
            CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                for (CSVRecord record : parser) {
                    sink.row((int) record.getRecordNumber(), record.toList());
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new LedgerFileException("无法读取 CSV 文件：" + e.getMessage(), e);
        } catch (IllegalStateException e) {
            // Commons CSV's word for a quote left open or text after a closing quote.
            throw new LedgerFileException("CSV 文件格式有误（引号不成对？）：" + e.getMessage(), e);
        }
    }

    /**
     * UTF-8 when the file has its BOM or is valid UTF-8 throughout, else GB18030. The whole file is checked: a ledger in
     * GB18030 can begin with a header of keys, pure ASCII, and show its Chinese only rows later.
     */
    static Charset charset(InputStreamSource source) {
        try (InputStream in = source.getInputStream()) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(65536);
            CharBuffer chars = CharBuffer.allocate(65536);
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer, 0, bytes.remaining())) > 0) {
                bytes.put(buffer, 0, n);
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, false);
                if (result.isError()) {
                    return GB18030;
                }
                bytes.compact();
                chars.clear();
            }
            bytes.flip();
            CoderResult end = decoder.decode(bytes, chars, true);
            if (end.isError() || bytes.hasRemaining()) {
                return GB18030;
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB18030;
        } catch (IOException e) {
            throw new LedgerFileException("无法读取上传的文件：" + e.getMessage(), e);
        }
    }

    // ---- XLSX

    /**
     * The first sheet, streamed. POI opens a package from a file without reading it whole (from a stream it would), so
     * the upload is copied to a temporary file first.
     */
    private static void readXlsx(InputStreamSource source, RowSink sink) {
        Path file = null;
        try {
            file = Files.createTempFile("ledger", ".xlsx");
            try (InputStream in = source.getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                StylesTable styles = reader.getStylesTable();
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new LedgerFileException("Excel 文件中没有工作表", false);
                }
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new Rows(sink),
                            new IsoDateFormatter(), false));
                    parser.parse(new InputSource(sheet));
                }
            }
        } catch (LedgerFileException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.InvalidOperationException
                 | org.apache.poi.UnsupportedFileFormatException e) {
            throw new LedgerFileException("无法读取 Excel 文件（文件已损坏，或不是 .xlsx 格式）", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the others by the system
                }
            }
        }
    }

    /** Collects a row's cells by column; cells POI skips (blank) stay empty. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowSink sink;
        private final List<String> cells = new ArrayList<>();
        private int column;

        Rows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            column = 0;
        }

        @Override
        public void endRow(int rowNum) {
            sink.row(rowNum + 1, List.copyOf(cells));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int index = reference == null ? column : new CellReference(reference).getCol();
            while (cells.size() < index) {
                cells.add("");
            }
            if (cells.size() == index) {
                cells.add(value == null ? "" : value);
            } else {
                cells.set(index, value == null ? "" : value);
            }
            column = index + 1;
        }
    }

    /**
     * Dates as ISO dates whatever the cell's display format (Excel on a Chinese system shows 2025/3/2 or 2025年3月2日),
     * numbers in full (a case number typed as a number must not become 2.025E+6).
     */
    private static final class IsoDateFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    // ---- telling the kinds apart

    private static byte[] head(InputStreamSource source) {
        try (InputStream in = source.getInputStream()) {
            return in.readNBytes(4096);
        } catch (IOException e) {
            throw new LedgerFileException("无法读取上传的文件：" + e.getMessage(), e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Text never holds NUL or most other control bytes; images, PDFs and archives do. */
    private static boolean binary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
            if (b > 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x0C) {
                control++;
            }
        }
        return control > head.length / 20;
    }
}
