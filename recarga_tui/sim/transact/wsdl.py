"""The face's WSDL, as ASMX serves it at ``GET .../transact.asmx?wsdl``.

A generated client (zeep, .NET's "Add Service Reference") reads it to write its requests and
to read the answers; zeep in its default strict mode refuses an answer holding an element the
WSDL does not declare. So the document declares exactly what this face takes and sends: the
five operations it serves (``calls.OPERATIONS``, in that order), ``TResponse`` as
``envelopes.TRESPONSE`` writes it (``rcode_detail`` included), ``monto`` an ``xs:float``,
``form_addons`` optional, and both ports of the public WSDLs (``transactSoap`` for SOAP 1.1,
``transactSoap12`` for 1.2) at the address the client asked from, as ASMX writes it.
"""

from __future__ import annotations

from ...dealer.transact.soap import TEMPURI, escape
from .calls import OPERATIONS
from .envelopes import TRESPONSE

# The result each operation answers: a TResponse or a string (GetSkuList and GetBalance hold
# a whole XML document in theirs).
RESULTS = {"GetTRequestID": "s:string", "DoT": "tns:TResponse",
           "CheckTransaction": "tns:TResponse", "GetBalance": "s:string",
           "GetSkuList": "s:string"}
# Request fields that are not strings (the rest are ``s:string``, minOccurs 0, as ASMX writes).
_REQUEST_TYPES = {"monto": "s:float"}


def _element(name: str, xsd_type: str, required: bool = False) -> str:
    return (f'<s:element minOccurs="{int(required)}" maxOccurs="1" name="{name}" '
            f'type="{xsd_type}" />')


def _wrapper(name: str, children: str) -> str:
    return (f'<s:element name="{name}"><s:complexType><s:sequence>{children}'
            "</s:sequence></s:complexType></s:element>")


def _types() -> str:
    parts = []
    for operation, fields in OPERATIONS.items():
        inputs = "".join(_element(f, _REQUEST_TYPES.get(f, "s:string"), f in _REQUEST_TYPES)
                         for f in fields)
        if operation == "DoT":
            inputs += _element("form_addons", "tns:Form")
        parts.append(_wrapper(operation, inputs))
        parts.append(_wrapper(f"{operation}Response",
                              _element(f"{operation}Result", RESULTS[operation])))
    tresponse = "".join(_element(name, xsd_type, required)
                        for name, xsd_type, required in TRESPONSE)
    parts.append(f'<s:complexType name="TResponse"><s:sequence>{tresponse}</s:sequence>'
                 "</s:complexType>")
    parts.append('<s:complexType name="ArrayOfPrintData"><s:sequence><s:element minOccurs="0" '
                 'maxOccurs="unbounded" name="PrintData" nillable="true" type="tns:PrintData" />'
                 "</s:sequence></s:complexType>")
    parts.append('<s:complexType name="PrintData"><s:sequence>'
                 + _element("m_label", "s:string") + _element("m_data", "s:string")
                 + "</s:sequence></s:complexType>")
    # A bill's extra fields: taken and not read here, whatever they hold.
    parts.append('<s:complexType name="Form"><s:sequence><s:any minOccurs="0" '
                 'maxOccurs="unbounded" processContents="lax" /></s:sequence></s:complexType>')
    return (f'<wsdl:types><s:schema elementFormDefault="qualified" targetNamespace="{TEMPURI}">'
            + "".join(parts) + "</s:schema></wsdl:types>")


def _binding(name: str, prefix: str) -> str:
    operations = "".join(
        f'<wsdl:operation name="{op}"><{prefix}:operation soapAction="{TEMPURI}{op}" '
        f'style="document" /><wsdl:input><{prefix}:body use="literal" /></wsdl:input>'
        f'<wsdl:output><{prefix}:body use="literal" /></wsdl:output></wsdl:operation>'
        for op in OPERATIONS)
    return (f'<wsdl:binding name="{name}" type="tns:transactSoap"><{prefix}:binding '
            f'transport="http://schemas.xmlsoap.org/soap/http" />{operations}</wsdl:binding>')


def document(address: str) -> bytes:
    """The WSDL of the service at ``address`` (the URL of ``transact.asmx``)."""
    messages = "".join(
        f'<wsdl:message name="{op}Soap{way}"><wsdl:part name="parameters" '
        f'element="tns:{op}{suffix}" /></wsdl:message>'
        for op in OPERATIONS for way, suffix in (("In", ""), ("Out", "Response")))
    port_type = "".join(
        f'<wsdl:operation name="{op}"><wsdl:input message="tns:{op}SoapIn" />'
        f'<wsdl:output message="tns:{op}SoapOut" /></wsdl:operation>' for op in OPERATIONS)
    where = escape(address)
    service = ('<wsdl:service name="transact">'
               f'<wsdl:port name="transactSoap" binding="tns:transactSoap"><soap:address '
               f'location="{where}" /></wsdl:port>'
               f'<wsdl:port name="transactSoap12" binding="tns:transactSoap12"><soap12:address '
               f'location="{where}" /></wsdl:port></wsdl:service>')
    text = ('<?xml version="1.0" encoding="utf-8"?>'
            '<wsdl:definitions xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" '
            f'xmlns:tns="{TEMPURI}" xmlns:s="http://www.w3.org/2001/XMLSchema" '
            'xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" '
            f'targetNamespace="{TEMPURI}" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/">'
            + _types() + messages
            + f'<wsdl:portType name="transactSoap">{port_type}</wsdl:portType>'
            + _binding("transactSoap", "soap") + _binding("transactSoap12", "soap12")
            + service + "</wsdl:definitions>")
    return text.encode("utf-8")
