import QtQuick
import QtQuick.Controls
import Parley

// The button row of a ModalDialog: Material's, without its own background (which would
// cover the dialog's rounded border).
DialogButtonBox {
    background: null
}
