// A dialog that holds a half-filled form asks before Esc, × or a click outside throws the typing away. The form as
// it was when the dialog opened is remembered (mark); closing with anything changed since asks first.
import { ElMessageBox } from 'element-plus'

/**
 * @param state   () => the form's current values (compared as JSON)
 * @param title   () => the dialog's title, for the question's heading
 * @param busy    () => true while the form is being sent: closing then is the save's own doing
 */
export function useDiscardGuard(state, title = () => '', busy = () => false) {
  let untouched = ''
  return {
    /** Remember the form as it is now (call when the dialog opens). */
    mark() {
      untouched = JSON.stringify(state())
    },
    /** For el-dialog's before-close. */
    async beforeClose(done) {
      if (busy() || JSON.stringify(state()) === untouched) return done()
      const discard = await ElMessageBox.confirm('已填写的内容尚未提交，关闭后将不会保存。确定关闭吗？', '关闭' + (title() || ''), {
        confirmButtonText: '关闭，不保存', cancelButtonText: '继续填写', type: 'warning', closeOnPressEscape: false
      }).then(() => true, () => false)
      if (discard) done()
    }
  }
}
