# Start recarga-tui when the kiosk account logs in on the text console (tty1..tty6).
# Append to that account's ~/.profile (see docs/instalacion.md). Not over SSH: the control desk
# gets its own read-only copy through authorized_keys.
if [ -z "${SSH_CONNECTION:-}" ] && [ -t 0 ]; then
    case "$(tty)" in
        /dev/tty[1-6])
            while true; do
                "$HOME/.local/bin/recarga-tui"
                # F10 quits; Enter starts the app again, Ctrl+C leaves a shell for the owner.
                echo "recarga-tui se cerró. Enter para abrirla otra vez."
                read -r _ || break
            done
            ;;
    esac
fi
