package cn.foi.command.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names as browsers send them, made safe to keep and to offer back as download names. */
class AttachmentNamesTest {

    @Test
    void foldersAreDroppedWhicheverSlashTheyUse() {
        assertThat(AttachmentNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentNames.sanitise("C:\\Users\\张三\\申请书.pdf")).isEqualTo("申请书.pdf");
    }

    @Test
    void controlAndInvisibleFormattingCharactersAreRemovedAndReservedOnesReplaced() {
        assertThat(AttachmentNames.sanitise("答复\u0000书\r\n.pdf")).isEqualTo("答复书.pdf");
        // A right-to-left override would show "申请书fdp.exe" as "申请书exe.pdf".
        assertThat(AttachmentNames.sanitise("申请书\u202efdp.exe")).isEqualTo("申请书fdp.exe");
        assertThat(AttachmentNames.sanitise("a<b>:c\"d|e?f*.txt")).isEqualTo("a_b__c_d_e_f_.txt");
    }

    @Test
    void leadingDotsDeviceNamesAndEmptyNamesAreMadeHarmless() {
        assertThat(AttachmentNames.sanitise(".bashrc")).isEqualTo("bashrc");
        assertThat(AttachmentNames.sanitise("CON.txt")).isEqualTo("_CON.txt");
        assertThat(AttachmentNames.sanitise(" ../ ")).isEqualTo("附件");
        assertThat(AttachmentNames.sanitise(null)).isEqualTo("附件");
    }

    @Test
    void aLongNameIsCutKeepingItsExtensionAndWholeChineseCharacters() {
        String name = AttachmentNames.sanitise("政".repeat(150) + "😀.pdf");
        assertThat(name).endsWith(".pdf");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(AttachmentNames.MAX_LENGTH);
        assertThat(name).startsWith("政政政");
    }
}
