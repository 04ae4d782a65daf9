package cn.foi.command.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of an uploaded file, from its content and never from its name (an executable named 答复书.pdf is still an
 * executable). Apache Tika reads the magic bytes; what Tika only knows as a container is opened here: a ZIP is a DOCX,
 * an XLSX or an OFD (GB/T 33190: {@code OFD.xml} at the root) by its entries, an OLE2 file is a DOC or an XLS by its
 * streams, and plain text must decode as UTF-8 or GB18030 to the end. Whatever is not on the list is refused:
 * executables, scripts, archives, web pages, documents with macros.
 */
public final class AttachmentTypes {

    public static final String OFD = "application/ofd";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String DOC = "application/msword";
    public static final String XLS = "application/vnd.ms-excel";

    /** What is accepted as Tika names it, kept as detected. */
    private static final Set<String> DIRECT = Set.of("application/pdf", "image/jpeg", "image/png", "image/tiff",
            "image/gif", "image/bmp", "image/x-ms-bmp", "image/webp");
    private static final Set<String> ZIP = Set.of("application/zip", "application/x-tika-ooxml",
            "application/x-tika-java-archive", DOCX, XLSX);
    private static final Set<String> OLE2 = Set.of("application/x-tika-msoffice", DOC, XLS);
    /** Names a script runs under even when its content reads as text: refused whatever they contain. */
    private static final Set<String> SCRIPT_EXTENSIONS = Set.of("bat", "cmd", "com", "exe", "ps1", "psm1", "sh",
            "bash", "vbs", "vbe", "js", "jse", "wsf", "wsh", "hta", "py", "pl", "rb", "php", "jar", "msi", "scr",
            "lnk", "reg", "html", "htm", "svg", "xhtml");

    public static final String ACCEPTED = "PDF、图片（JPEG、PNG、TIFF、GIF、BMP、WebP）、Word 或 Excel 文档（DOCX、XLSX、DOC、XLS）、"
            + "OFD 版式文件、纯文本（UTF-8 或 GB18030）";

    /** A file of a type that is not accepted; the message says what it is and what may be uploaded. */
    public static final class UnsupportedType extends RuntimeException {
        UnsupportedType(String message) {
            super(message);
        }
    }

    private static final Detector DETECTOR = MimeTypes.getDefaultMimeTypes();

    private AttachmentTypes() {
    }

    /**
     * The media type to keep and to serve the file with. {@code content} is opened as often as needed (a spooled
     * upload); {@code name} only refuses scripts that read as text.
     */
    public static String detect(Supplier<InputStream> content, String name) {
        try (TikaInputStream in = TikaInputStream.get(content.get())) {
            // No name in the metadata: Tika would otherwise let an extension decide.
            String type = DETECTOR.detect(in, new Metadata()).getBaseType().toString();
            if (DIRECT.contains(type)) {
                return type.equals("image/x-ms-bmp") ? "image/bmp" : type;
            }
            if (ZIP.contains(type)) {
                return zipped(in.getPath());
            }
            if (OLE2.contains(type)) {
                return ole2(in.getPath());
            }
            // Tika knows UTF-8 text; text in GB18030 it sees as unknown bytes, which are text when they decode.
            boolean unknown = type.equals("application/octet-stream");
            if (type.equals("text/plain") || unknown) {
                String text = unknown ? gb18030Text(content) : text(content);
                if (text == null) {
                    throw new UnsupportedType(refusal(MediaType.OCTET_STREAM));
                }
                if (SCRIPT_EXTENSIONS.contains(extension(name))) {
                    throw new UnsupportedType("不能上传脚本或网页文件（" + name + "）；可上传：" + ACCEPTED);
                }
                return text;
            }
            throw new UnsupportedType(refusal(MediaType.parse(type)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String refusal(MediaType type) {
        String t = type.toString();
        String what = t.contains("executable") || t.contains("msdownload") || t.contains("dosexec")
                || t.contains("sharedlib") || t.contains("mach-o") || t.contains("java") ? "可执行程序"
                : t.contains("rar") || t.contains("7z") || t.contains("gzip") || t.contains("tar")
                || t.contains("bzip") || t.contains("xz") || t.contains("compress") || t.contains("zip") ? "压缩包"
                : t.contains("html") || t.contains("script") || t.contains("x-sh") || t.contains("python")
                || t.contains("perl") ? "脚本或网页文件" : "该类型的文件";
        return "不能上传" + what + "（检测到的文件类型：" + t + "）；可上传：" + ACCEPTED;
    }

    /** A ZIP is accepted only as an OFD, a DOCX or an XLSX, and never with macros. */
    private static String zipped(Path file) throws IOException {
        boolean ofd = false;
        boolean contentTypes = false;
        boolean word = false;
        boolean excel = false;
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                String lower = entry.toLowerCase(Locale.ROOT);
                if (lower.endsWith("vbaproject.bin")) {
                    throw new UnsupportedType("不能上传含宏的 Office 文档：请另存为不含宏的 DOCX 或 XLSX 后上传");
                }
                ofd |= entry.equals("OFD.xml");
                contentTypes |= entry.equals("[Content_Types].xml");
                word |= entry.equals("word/document.xml");
                excel |= entry.equals("xl/workbook.xml");
            }
        } catch (java.util.zip.ZipException e) {
            throw new UnsupportedType("文件已损坏或不是完整的压缩格式文档，无法识别；可上传：" + ACCEPTED);
        }
        if (ofd) {
            return OFD;
        }
        if (contentTypes && word) {
            return DOCX;
        }
        if (contentTypes && excel) {
            return XLSX;
        }
        throw new UnsupportedType(refusal(MediaType.application("zip")));
    }

    /** An OLE2 file is accepted only as a Word or an Excel document without macros (an MSI is OLE2 too). */
    private static String ole2(Path file) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("Macros") || root.hasEntry("_VBA_PROJECT_CUR")) {
                throw new UnsupportedType("不能上传含宏的 Office 文档：请另存为不含宏的文档后上传");
            }
            if (root.hasEntry("WordDocument")) {
                return DOC;
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return XLS;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnsupportedType unsupported) {
                throw unsupported;
            }
            throw new UnsupportedType("文件已损坏或无法识别；可上传：" + ACCEPTED);
        }
        throw new UnsupportedType("不能上传该类型的 Office 复合文档（仅接受 DOC 和 XLS）；可上传：" + ACCEPTED);
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** Text is served with the charset it decodes in, read to its end a buffer at a time. */
    private static String text(Supplier<InputStream> content) throws IOException {
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, GB18030}) {
            if (decodes(content, charset)) {
                return "text/plain;charset=" + charset.name();
            }
        }
        throw new UnsupportedType("文本文件的编码无法识别：请以 UTF-8 或 GB18030（GBK）编码保存后上传");
    }

    /** Unknown bytes are GB18030 text when they decode to the end with no control character but line breaks and tabs. */
    private static String gb18030Text(Supplier<InputStream> content) throws IOException {
        return decodes(content, GB18030) ? "text/plain;charset=" + GB18030.name() : null;
    }

    private static boolean decodes(Supplier<InputStream> content, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new java.io.InputStreamReader(content.get(), decoder)) {
            CharBuffer buffer = CharBuffer.allocate(8192);
            while (reader.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    char c = buffer.get();
                    if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                        return false;
                    }
                }
                buffer.clear();
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
