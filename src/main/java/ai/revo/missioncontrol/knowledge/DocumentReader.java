package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Knows a document's type from its content (a renamed file is refused) and reads its text into sections: PDF one
 * per page, DOCX, Markdown and HTML one per heading, plain text as one. Reading refuses encrypted and damaged
 * documents with a sentence a person understands, and bounds decompression (a DOCX expanding past
 * {@link #MAX_UNZIPPED} or with more than {@link #MAX_ZIP_ENTRIES} entries is refused before POI sees it).
 */
final class DocumentReader {

    static final long MAX_UNZIPPED = 100L * 1024 * 1024;
    static final int MAX_ZIP_ENTRIES = 5_000;
    static final int MAX_PDF_PAGES = 5_000;

    /** A document that cannot be read, with the reason as a person reads it. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** What was read: the sections and, for a PDF, its number of pages. */
    record Read(List<Section> sections, Integer pages) {}

    private static final Map<String, FileType> EXTENSIONS = Map.of(
            "pdf", FileType.PDF,
            "docx", FileType.DOCX,
            "txt", FileType.TXT,
            "text", FileType.TXT,
            "md", FileType.MARKDOWN,
            "markdown", FileType.MARKDOWN,
            "html", FileType.HTML,
            "htm", FileType.HTML);

    private DocumentReader() {}

    /**
     * The type of an uploaded file, from its content. 415 when the content is no supported type, or when the name
     * promises another type than the content is (a renamed file).
     */
    static FileType sniff(String fileName, byte[] content) {
        String ext = extension(fileName);
        FileType claimed = EXTENSIONS.get(ext);
        if (!ext.isEmpty() && claimed == null) {
            throw unsupported(
                    "Files ending in ." + ext + " are not read; upload a PDF, DOCX, TXT, Markdown or HTML file");
        }
        FileType actual = contentType(content);
        if (actual == null) {
            throw unsupported(
                    claimed == null
                            ? "The file's content is not a PDF, DOCX, text, Markdown or HTML document"
                            : "The file is named ." + ext + " but its content is not " + describe(claimed)
                                    + "; renamed files are refused");
        }
        if (claimed != null && !compatible(claimed, actual)) {
            throw unsupported("The file is named ." + ext + " but its content is " + describe(actual)
                    + "; renamed files are refused");
        }
        if (claimed == FileType.MARKDOWN && actual == FileType.TXT) {
            return FileType.MARKDOWN;
        }
        return actual;
    }

    /** The type of a fetched web page from its declared media type and content. */
    static FileType ofWebPage(String mediaType, byte[] content) {
        if (mediaType.contains("html")) {
            return FileType.HTML;
        }
        if (mediaType.contains("markdown")) {
            return FileType.MARKDOWN;
        }
        return looksLikeHtml(content) ? FileType.HTML : FileType.TXT;
    }

    private static boolean compatible(FileType claimed, FileType actual) {
        return switch (claimed) {
            case PDF, DOCX -> claimed == actual;
            case HTML -> actual == FileType.HTML || actual == FileType.TXT;
            case TXT, MARKDOWN -> actual == FileType.TXT || actual == FileType.HTML;
        };
    }

    private static String describe(FileType type) {
        return switch (type) {
            case PDF -> "a PDF";
            case DOCX -> "a Word document";
            case HTML -> "HTML";
            default -> "text";
        };
    }

    private static FileType contentType(byte[] b) {
        if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return FileType.PDF;
        }
        if (startsWith(b, new byte[] {'P', 'K', 3, 4})) {
            return isWordArchive(b) ? FileType.DOCX : null;
        }
        if (startsWith(b, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})) {
            throw unsupported("The file is a legacy (.doc) or password-protected Office document; "
                    + "save it as .docx without a password");
        }
        if (decodeStrict(b, StandardCharsets.UTF_8) == null) {
            return null;
        }
        return looksLikeHtml(b) ? FileType.HTML : FileType.TXT;
    }

    private static boolean isWordArchive(byte[] b) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry e;
            int n = 0;
            while ((e = zip.getNextEntry()) != null && n++ < MAX_ZIP_ENTRIES) {
                if (e.getName().equals("word/document.xml")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean looksLikeHtml(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 2048), StandardCharsets.UTF_8)
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("\ufeff")) {
            head = head.substring(1).stripLeading();
        }
        return head.startsWith("<!doctype html")
                || head.startsWith("<html")
                || head.contains("<head>")
                || head.contains("<body");
    }

    /** Reads the text of a document of a known type. */
    static Read read(FileType type, byte[] content, Charset declared) throws Unreadable {
        return switch (type) {
            case PDF -> pdf(content);
            case DOCX -> docx(content);
            case HTML -> new Read(html(content, declared), null);
            case MARKDOWN -> new Read(markdown(text(content, declared)), null);
            case TXT -> new Read(List.of(new Section(null, null, text(content, declared))), null);
        };
    }

    private static Read pdf(byte[] content) throws Unreadable {
        try (PDDocument doc = Loader.loadPDF(content, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (doc.isEncrypted()) {
                throw new Unreadable("The PDF is encrypted; upload a copy without a password or restrictions");
            }
            int pages = doc.getNumberOfPages();
            if (pages > MAX_PDF_PAGES) {
                throw new Unreadable("The PDF has " + pages + " pages; at most " + MAX_PDF_PAGES + " are read");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<Section> sections = new ArrayList<>();
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(doc);
                if (!text.isBlank()) {
                    sections.add(new Section(p, null, text));
                }
            }
            return new Read(sections, pages);
        } catch (InvalidPasswordException e) {
            throw new Unreadable("The PDF is password-protected; upload a copy without a password");
        } catch (IOException e) {
            throw new Unreadable("The file could not be read as a PDF; it may be damaged");
        }
    }

    private static Read docx(byte[] content) throws Unreadable {
        checkZipBounds(content);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            List<Section> sections = new ArrayList<>();
            String heading = null;
            StringBuilder text = new StringBuilder();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    String line = p.getText().strip();
                    if (line.isEmpty()) {
                        continue;
                    }
                    if (isHeading(p)) {
                        flush(sections, heading, text);
                        heading = line;
                    } else {
                        text.append(line).append('\n');
                    }
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cells.add(cell.getText().strip());
                        }
                        text.append(String.join(" | ", cells)).append(".\n");
                    }
                }
            }
            flush(sections, heading, text);
            return new Read(sections, null);
        } catch (IOException | RuntimeException e) {
            // POI signals a zip bomb, a damaged archive and an unexpected part alike with runtime exceptions
            throw new Unreadable("The file could not be read as a Word document; it may be damaged");
        }
    }

    private static boolean isHeading(XWPFParagraph p) {
        String style = p.getStyleID() == null ? "" : p.getStyleID().toLowerCase(Locale.ROOT);
        return style.startsWith("heading") || style.equals("title") || style.startsWith("berschrift");
    }

    private static void checkZipBounds(byte[] content) throws Unreadable {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            while (zip.getNextEntry() != null) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw new Unreadable("The Word document has too many parts to be read safely");
                }
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_UNZIPPED) {
                        throw new Unreadable("The Word document expands to more than 100 MB and is not read "
                                + "(a compressed archive this large is refused to protect the server)");
                    }
                }
            }
        } catch (IOException e) {
            throw new Unreadable("The file could not be read as a Word document; it may be damaged");
        }
    }

    private static void flush(List<Section> sections, String heading, StringBuilder text) {
        if (!text.isEmpty()) {
            sections.add(new Section(null, heading, text.toString()));
        } else if (heading != null) {
            sections.add(new Section(null, null, heading));
        }
        text.setLength(0);
    }

    private static final Pattern MD_HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");

    static List<Section> markdown(String text) {
        List<Section> sections = new ArrayList<>();
        String heading = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\\R")) {
            Matcher m = MD_HEADING.matcher(line);
            if (m.matches()) {
                flush(sections, heading, body);
                heading = plain(m.group(1));
                continue;
            }
            String plain = plain(line.replaceFirst("^\\s*([-*+]|\\d+[.)]|>)\\s+", ""));
            if (!plain.isBlank() && !plain.matches("^[-=*_`~|: ]+$")) {
                body.append(plain).append('\n');
            }
        }
        flush(sections, heading, body);
        return sections;
    }

    private static String plain(String markdown) {
        return MD_LINK.matcher(markdown).replaceAll("$1").replaceAll("[*_`]{1,3}", "");
    }

    private static final java.util.Set<String> HEADINGS = java.util.Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    static List<Section> html(byte[] content, Charset declared) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(content), declared == null ? null : declared.name(), "");
        } catch (IOException e) {
            doc = Jsoup.parse(new String(content, StandardCharsets.UTF_8));
        }
        doc.select("script, style, noscript, template, svg, iframe, nav, footer, form, button, select")
                .remove();
        Element body = doc.body();
        List<Section> sections = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder headingText = new StringBuilder();
        String[] heading = {null};
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            (inHeading(t) ? headingText : text).append(t.text());
                        } else if (node instanceof Element e) {
                            if (HEADINGS.contains(e.normalName())) {
                                flush(sections, heading[0], text);
                                headingText.setLength(0);
                            } else if (e.isBlock() || e.normalName().equals("br")) {
                                text.append('\n');
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e) {
                            if (HEADINGS.contains(e.normalName())) {
                                String h = headingText
                                        .toString()
                                        .replaceAll("\\s+", " ")
                                        .strip();
                                heading[0] = h.isEmpty() ? null : h;
                            } else if (e.isBlock()) {
                                text.append('\n');
                            }
                        }
                    }
                },
                body == null ? doc : body);
        flush(sections, heading[0], text);
        sections.removeIf(s -> s.text().isBlank());
        return sections;
    }

    /** The page's title, if it has one. */
    static String htmlTitle(byte[] content, Charset declared) {
        try {
            String title = Jsoup.parse(new ByteArrayInputStream(content), declared == null ? null : declared.name(), "")
                    .title()
                    .strip();
            return title.isEmpty() ? null : title;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean inHeading(TextNode t) {
        for (Node n = t.parent(); n != null; n = n.parent()) {
            if (n instanceof Element e && HEADINGS.contains(e.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static String text(byte[] content, Charset declared) throws Unreadable {
        Charset charset = declared == null ? StandardCharsets.UTF_8 : declared;
        String text = decodeStrict(content, charset);
        if (text == null && charset != StandardCharsets.UTF_8) {
            text = decodeStrict(content, StandardCharsets.UTF_8);
        }
        if (text == null) {
            throw new Unreadable("The text is not valid " + charset.name() + "; save it as UTF-8");
        }
        return text.startsWith("\ufeff") ? text.substring(1) : text;
    }

    private static String decodeStrict(byte[] b, Charset charset) {
        try {
            String s = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
            return s.indexOf('\0') >= 0 ? null : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1
                ? ""
                : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static ApiException unsupported(String message) {
        return new ApiException(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                message,
                Map.of("fields", List.of(Map.of("field", "file", "message", message))));
    }
}
