"""A C# WCF client of Pagaqui (ASP.NET Core, a generated ``transactSoapClient``): what it
sends, and how it reads the answers.

Source: the ``APIRecargasJob`` project the code index holds without naming its repository:
``Controllers/PagaquiController.cs`` (index id 49340589620) and
``DataAcces/OperacionesPagaqui.cs`` (index id 49780615123). Line numbers are those files'.

What it sends: every call goes through ``new
transactSoapClient(transactSoapClient.EndpointConfiguration.transactSoap12)``
(PagaquiController.cs: ``mtdGetSkuList``, ``mtdVerficarErroresTransaccionAsync``, ``Post``
"Pago_Servicios", "Consultar_Saldo", "Consultar_Referencia"): the **SOAP 1.2** port of the
WSDL. WCF writes SOAP 1.2 as ``Content-Type: application/soap+xml; charset=utf-8;
action="<the action>"`` (no SOAPAction header), the envelope ``s:`` in the 2003/05
namespace, no XML declaration, and the XmlSerializer's ``xmlns:xsi``/``xmlns:xsd`` on
``s:Body``. ``GetTRequestIDAsync(username, password, licence)`` (OperacionesPagaqui.cs:35-40)
and ``DoTAsync(id, username, sku_Code, op_account, monto, pv, Latitude, Longitude)``
(OperacionesPagaqui.cs:59-61) send Pagaqui's three extra fields after ``monto``; ``monto``,
``Latitude``, ``Longitude`` are C# floats (``XmlConvert``: ``50``, ``19.4326``).

How it reads: WCF takes a SOAP 1.2 answer only as ``application/soap+xml`` (else a
ProtocolException on the content type), in the 1.2 envelope. The generated ``TResponse`` is
a data contract (as in RHMilano/POS-Back's ``ProxyTiempoAire/Reference.cs``): members in
order, ``transaction_id`` and ``rcode`` required, an unknown element kept aside
(``IExtensibleDataObject``). Then the integrator's own code takes
``mtdCaracteres(op_authorization)`` (OperacionesPagaqui.cs:63), which reads ``cadena.Length``
(line 84), and ``rcode_description.ToString()``, ``op_account.ToString()``
(``mtdRespuestaCheckTransaction``): an absent element is null there, and null is a
NullReferenceException. GetSkuList's string is loaded with ``XmlDocument.LoadXml`` and each
product read by position: ``ChildNodes[1]`` the sku, ``[5]`` checksku, ``[6]`` the regex,
``[0]`` the service (PagaquiController.cs, ``mtdGetSkuList`` and ``mtdValidarRegExSku``).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from contract_wire import Wire
from defusedxml.ElementTree import fromstring

from recarga_tui.dealer.transact.soap import TEMPURI

SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
PATH = "/transact.asmx"
# Reference.cs: TResponse's data members in their order, and which are required.
TRESPONSE = (("transaction_id", True), ("rcode", True), ("rcode_description", False),
             ("op_account", False), ("op_authorization", False), ("printData", False),
             ("xmlDevData", False))


class DotNetThrew(Exception):
    """A WCF exception, a SerializationException or the integrator's NullReferenceException."""


def call(operation: str, *fields: tuple[str, str], soap12: bool = True) -> Wire:
    """WCF's request: SOAP 1.2 (Pagaqui's ``transactSoap12``) or, with ``soap12=False``, the
    SOAP 1.1 port as .NET Framework's WCF writes it (RHMilano/POS-Back's
    ``TiempoAireBusiness.cs``: ``transact.DoT(requestId, user, sku, account, monto, null)``):
    ``text/xml``, the SOAPAction quoted, HttpWebRequest's ``Expect: 100-continue``."""
    inner = "".join(f"<{name}>{value}</{name}>" for name, value in fields)
    body = (f'<s:Envelope xmlns:s="{SOAP12 if soap12 else SOAP11}"><s:Body xmlns:xsi='
            '"http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd='
            f'"http://www.w3.org/2001/XMLSchema"><{operation} xmlns="{TEMPURI}">{inner}'
            f"</{operation}></s:Body></s:Envelope>")
    if soap12:
        headers: tuple[tuple[str, str], ...] = (
            ("Content-Type", f'application/soap+xml; charset=utf-8; action="{TEMPURI}'
                             f'{operation}"'),)
    else:
        headers = (("Content-Type", "text/xml; charset=utf-8"),
                   ("SOAPAction", f'"{TEMPURI}{operation}"'), ("Expect", "100-continue"),
                   ("Accept-Encoding", "gzip, deflate"), ("Connection", "Keep-Alive"))
    return Wire("POST", PATH, headers, body.encode("utf-8"))


def result_of(content_type: str, body: bytes, operation: str, soap12: bool = True) -> Element:
    """WCF's reading of an answer to ``operation`` on its binding: its ``...Result``."""
    envelope, media = (SOAP12, "application/soap+xml") if soap12 else (SOAP11, "text/xml")
    if not content_type.startswith(media):
        raise DotNetThrew(f"ProtocolException: the content type {content_type} of the "
                          "response message does not match the binding's")
    root = fromstring(body)
    if root.find(f"{{{envelope}}}Body/{{{envelope}}}Fault") is not None:
        raise DotNetThrew("FaultException")
    found = root.find(f"{{{envelope}}}Body/{{{TEMPURI}}}{operation}Response/"
                      f"{{{TEMPURI}}}{operation}Result")
    if root.tag != f"{{{envelope}}}Envelope" or found is None:
        raise DotNetThrew("CommunicationException: not an answer of this binding")
    return found


def tresponse(result: Element) -> dict[str, str | None]:
    """DataContractSerializer: members read in order, unknown elements set aside, a required
    one missing is a SerializationException; absent members stay null."""
    read: dict[str, str | None] = {name: None for name, _ in TRESPONSE}
    position = 0
    names = [name for name, _ in TRESPONSE]
    for child in result:
        name = str(child.tag).rpartition("}")[2]
        if name in names[position:]:
            position = names.index(name) + 1
            read[name] = child.text or "" if name != "printData" else str(len(child))
    for name, required in TRESPONSE:
        if required and read[name] is None:
            raise DotNetThrew(f"SerializationException: {name} is required")
    return read


def integrator_reads(answer: dict[str, str | None]) -> str:
    """OperacionesPagaqui's use of an answer: the last six of op_authorization
    (mtdCaracteres), rcode_description and op_account through ToString()."""
    for name in ("op_authorization", "rcode_description", "op_account"):
        if answer[name] is None:
            raise DotNetThrew(f"NullReferenceException: {name}")
    authorization = answer["op_authorization"] or ""
    return authorization[-6:] if len(authorization) > 6 else authorization


def products(result: Element) -> list[tuple[str, str, str, str]]:
    """``xDoc.LoadXml(GetSkuListResult)`` and each product's (name, sku, checksku, regex)
    by position (ChildNodes[0], [1], [5], [6])."""
    document = fromstring(result.text or "")
    return [(p[0].text or "", p[1].text or "", p[5].text or "", p[6].text or "")
            for p in document.iter("product")]
