"""Words of the support screens (F7): failure reports and clarifications (R11)."""

WORDS = {
    "key.support": ("Soporte", "Support"),
    "key.fault_report": ("Falla", "Failure"),
    "key.new_clarification": ("Aclaración", "Clarification"),
    "key.reload": ("Revisar", "Refresh"),
    "key.change_origin": ("Origen", "Origin"),
    "key.edit_text": ("Texto", "Text"),
    "key.change_topic": ("Tema", "Topic"),
    "support.fault_note": (
        "F2 reporta una falla a soporte técnico: no llega respuesta escrita, la respuesta es "
        "que el sistema vuelva a funcionar. F3 pide una aclaración de su cuenta (24 h).",
        "F2 reports a failure to technical support: no written answer comes, the answer is the "
        "system working again. F3 asks for an account clarification (24 h).",
    ),
    "support.clarifications": (
        "Aclaraciones (respuesta por escrito en 24 horas):",
        "Clarifications (written answer within 24 hours):",
    ),
    "support.col.id": ("Folio", "Id"),
    "support.col.asked": ("Pedida", "Asked"),
    "support.col.due": ("Vence", "Due"),
    "support.col.state": ("Estado", "State"),
    "support.col.topic": ("Tema", "Topic"),
    "support.state.open": ("en espera", "waiting"),
    "support.state.answered": ("contestada", "answered"),
    "support.state.past_due": ("VENCIDA, sin respuesta", "PAST DUE, no answer"),
    "support.past_due": (
        "{count} aclaraciones pasaron sus 24 horas sin respuesta: llame a la mesa de control "
        "({phone}) o escriba a {email}.",
        "{count} clarifications passed their 24 hours without an answer: call the control desk "
        "({phone}) or write to {email}.",
    ),
    "support.past_due.one": (
        '1 aclaración pasó sus 24 horas sin respuesta: llame a la mesa de control ({phone}) o escriba a {email}.',
        '1 clarification passed its 24 hours without an answer: call the control desk ({phone}) or write to {email}.',
    ),
    "support.none": (
        "No ha pedido aclaraciones. F3 para pedir una.",
        "No clarifications asked. F3 to ask one.",
    ),
    "support.asked_text": ("Pidió: {text}", "Asked: {text}"),
    "support.about_ref": ("Venta {ref}.", "Sale {ref}."),
    "support.answer": ("Respuesta ({at}): {answer}", "Answer ({at}): {answer}"),
    "support.topic.topup": ("recarga", "top-up"),
    "support.topic.deposit": ("depósito", "deposit"),
    "support.topic.credit": ("abono", "credit"),
    "support.topic.charge": ("cargo", "charge"),
    "support.topic.statement": ("estado de cuenta", "statement"),
    "support.topic.other": ("otro", "other"),
    "fault.no_written_answer": (
        "Reporte de falla a soporte técnico. No llega respuesta escrita: la respuesta es que el "
        "sistema vuelva a funcionar.",
        "Failure report to technical support. No written answer comes: the answer is the "
        "system working again.",
    ),
    "fault.pick_origin": (
        "¿De dónde viene la falla? Oprima su número:",
        "Where does the failure come from? Press its number:",
    ),
    "fault.origin": ("Origen: {origin}", "Origin: {origin}"),
    "fault.text_label": ("Qué pasó:", "What happened:"),
    "fault.type_text": (
        "Escriba qué pasó y oprima Enter.",
        "Type what happened and press Enter.",
    ),
    "fault.text_empty": (
        "Escriba qué pasó antes de seguir.",
        "Type what happened before going on.",
    ),
    "fault.attach_title": (
        "Ventas a las que se refiere (su número la marca o desmarca):",
        "Sales it concerns (their number marks or unmarks them):",
    ),
    "fault.attach_hint": (
        "Marque las ventas con su número; Enter envía el reporte.",
        "Mark the sales by their number; Enter sends the report.",
    ),
    "fault.no_sales": (
        "No hay ventas recientes que adjuntar. Enter envía el reporte.",
        "No recent sales to attach. Enter sends the report.",
    ),
    "fault.sending": ("Enviando el reporte…", "Sending the report…"),
    "fault.sent": (
        "Reporte {id} recibido a las {at}. No espere respuesta escrita: la respuesta es que el "
        "sistema vuelva a funcionar.",
        "Report {id} received at {at}. Expect no written answer: the answer is the system "
        "working again.",
    ),
    "clarify.note": (
        "Aclaración de su cuenta a la mesa de control: la respuesta llega por escrito en 24 h.",
        "Account clarification to the control desk: the written answer comes within 24 h.",
    ),
    "clarify.pick_topic": (
        "¿Sobre qué es la aclaración? Oprima su número:",
        "What is the clarification about? Press its number:",
    ),
    "clarify.topic": ("Tema: {topic}", "Topic: {topic}"),
    "clarify.text_label": ("Qué aclarar:", "What to clarify:"),
    "clarify.type_text": (
        "Escriba qué hay que aclarar y oprima Enter para enviarlo.",
        "Type what needs clarifying and press Enter to send it.",
    ),
    "clarify.text_empty": (
        "Escriba qué hay que aclarar antes de enviar.",
        "Type what needs clarifying before sending.",
    ),
}
