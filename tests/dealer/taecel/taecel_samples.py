"""Real Taecel answers, verbatim, each with where it was published.

Sources (public repositories, read as they are on GitHub):

* gogl92/taecel, ``logs/laravel.log`` (commit d134aa7): a Laravel client logging every
  answer of Taecel's test matrix on 2025-05-01, one per line after ``testing.INFO:``;
  quoted here without the log's prefix and its two trailing spaces.
* gogl92/taecel, ``README.md``: an answer of getBalance.
* Wilmer9212/SistemaPagoServicioMas, ``src/com/taecel/conexionservicio/metodosHTTP.java``
  (also in alderson9212/sistemav1.5): answers of 2022 in comments, as org.json printed them
  (keys in its own order).

No public client quotes a whole answer of getProducts or getSales: those two bodies below are
built from the field names the clients read (named at each), and say so.
"""

# gogl92/taecel logs/laravel.log line 4: RequestTXN took the sale (test number 5555555505).
REQUEST_OK_2025 = r'{"success":true,"error":0,"message":"Consulta Exitosa","data":{"transID":"250500041824","fecha":"2025-05-01 16:55:03"},"extra":null}'
# gogl92/taecel logs/laravel.log line 5: StatusTXN of it, delivered.
STATUS_EXITOSA_2025 = r'{"success":true,"error":0,"message":"Transacci\u00f3n Exitosa","data":{"TransID":"250500041824","Fecha":"2025-05-01 16:55:03","Carrier":"Telcel","Telefono":"5555555505","Folio":"916581","Status":"Exitosa","Monto":"$10.00","Cargo":"$0.00","Abono":"$0.00","Via":"WS","Regi\u00f3n":"9","Timeout":"5.03","IP":"2806:2f0:a080:fb08:cc14:1de3:3f69:752b","Bolsa":"Tiempo Aire","Comision":"$3.00","Nota":"","pin":"","Saldo Final":"$734.90","logo":"https:\/\/cdn.taecel.com\/src\/app\/assets\/img\/carriers\/telcel.png"},"extra":null}'
# gogl92/taecel logs/laravel.log line 7: StatusTXN of 5555555510, "Teléfono no valido".
STATUS_INVALID_NUMBER = r'{"success":false,"error":"1","message":"Tel\u00e9fono no valido","data":{"TransID":"250500041830","Fecha":"2025-05-01 16:55:09","Carrier":"Telcel","Telefono":"5555555510","Folio":"","Status":"Fracasada ","Monto":"$50.00","Cargo":"$0.00","Abono":"$0.00","Via":"WS","Regi\u00f3n":"9","Timeout":"10.04","IP":"2806:2f0:a080:fb08:cc14:1de3:3f69:752b","Bolsa":"Tiempo Aire","Comision":"$3.00","Nota":"","pin":"","Saldo Final":"$734.90","logo":"https:\/\/cdn.taecel.com\/src\/app\/assets\/img\/carriers\/telcel.png"},"extra":null}'
# gogl92/taecel logs/laravel.log lines 11-13: StatusTXN of 5555555520, on purpose not JSON.
STATUS_GARBLED = ':( \nError intencional en formato de respuesta, se debe de ejecutar nuevamente el Método StatusTXN para Revisar el Status de la Transacción\n :/'
# gogl92/taecel logs/laravel.log line 19: StatusTXN of 5555555540, "Monto Invalido".
STATUS_INVALID_AMOUNT = r'{"success":false,"error":"3","message":"Monto Invalido","data":{"TransID":"250500041902","Fecha":"2025-05-01 16:56:46","Carrier":"Movistar","Telefono":"5555555540","Folio":"","Status":"Fracasada ","Monto":"$50.00","Cargo":"$0.00","Abono":"$0.00","Via":"WS","Regi\u00f3n":"9","Timeout":"40.04","IP":"2806:2f0:a080:fb08:cc14:1de3:3f69:752b","Bolsa":"Tiempo Aire","Comision":"$0.00","Nota":"","pin":"","Saldo Final":"$274.90","logo":"https:\/\/cdn.taecel.com\/src\/app\/assets\/img\/carriers\/movistar2.png"},"extra":null}'
# gogl92/taecel logs/laravel.log line 21: StatusTXN of 5555555560, delivered after 60 s.
STATUS_EXITOSA_60S = r'{"success":true,"error":0,"message":"Transacci\u00f3n Exitosa","data":{"TransID":"250500041939","Fecha":"2025-05-01 16:57:26","Carrier":"Movistar","Telefono":"5555555560","Folio":"298837","Status":"Exitosa","Monto":"$100.00","Cargo":"$0.00","Abono":"$0.00","Via":"WS","Regi\u00f3n":"9","Timeout":"60.03","IP":"2806:2f0:a080:fb08:cc14:1de3:3f69:752b","Bolsa":"Tiempo Aire","Comision":"$0.00","Nota":"","pin":"","Saldo Final":"$174.90","logo":"https:\/\/cdn.taecel.com\/src\/app\/assets\/img\/carriers\/movistar2.png"},"extra":null}'

# Wilmer9212/SistemaPagoServicioMas src/com/taecel/conexionservicio/metodosHTTP.java line 72.
REQUEST_OK_2022 = '{"data":{"transID":"220600386450"},"success":true,"extra":null,"error":0,"message":"Consulta Exitosa"}'
# ... line 73: RequestTXN refused with 3128 (``error`` a string, ``data`` an empty list).
REQUEST_3128 = '{"data":[],"success":false,"extra":null,"error":"3128","message":"Numero recargado en menos de 10 minutos, por favor revise su reporte de ventas o espere para intentarlo nuevamente"}'
# ... line 88: StatusTXN of a bundle the pool could not pay: 2130, "Saldo insuficiente".
STATUS_2130 = '{"data":{"Status":"Fracasada ","Cargo":"$0.00","Timeout":"0.00","Folio":"","IP":"189.158.2.224","Nota":"Saldo insuficiente","Abono":"$0.00","Via":"WS","Fecha":"2022-06-06 14:55:25","pin":"","Telefono":"9631562456","Monto":"$200.00","Saldo Final":"$68.90","Carrier":"Paquete Amigo Sin Limite","Bolsa":"Tiempo Aire","TransID":"220600386744","Región":"8","Comision":"$0.00"},"success":false,"extra":null,"error":"2130","message":"No cuenta con saldo suficiente para realizar la transacción"}'
# ... line 89: StatusTXN of the same bundle, delivered.
STATUS_EXITOSA_2022 = '{"data":{"Status":"Exitosa","Cargo":"$0.00","Timeout":"2.25","Folio":"644439","IP":"189.158.2.224","Nota":"","Abono":"$0.00","Via":"WS","Fecha":"2022-06-06 15:04:19","pin":"","Telefono":"9631562456","Monto":"$20.00","Saldo Final":"$48.90","Carrier":"Paquete Amigo Sin Limite","Bolsa":"Tiempo Aire","TransID":"220600387497","Región":"8","Comision":"$0.00"},"success":true,"extra":null,"error":0,"message":"Transacción Exitosa"}'

# gogl92/taecel README.md, section getBalance: grouped whole pesos, ids as strings.
BALANCE = '''{
    "success": true,
    "error": 0,
    "message": "Consulta Exitosa",
    "data": [
        {
            "ID": "1",
            "Bolsa": "Tiempo Aire",
            "Saldo": "899,968,134"
        },
        {
            "ID": "2",
            "Bolsa": "Pago de Servicios",
            "Saldo": "99,913,654"
        },
        {
            "ID": "3",
            "Bolsa": "Timbres CFDI",
            "Saldo": "5,697"
        }
    ]
}
'''

# Built, not quoted: the field names are those of the Java client's models
# (Wilmer9212/SistemaPagoServicioMas src/com/taecel/modelo/dataProductosModelo.java,
# carriersModelo.java, campoModelo.java, productoModel.java) and of gogl92/taecel
# src/Models/Proveedor.php, Campo.php, Producto.php; the codes, numbers and amounts those of
# Taecel's test matrix (gogl92/taecel tests/Unit/TaecelTest.php: TEL010, CFE000 with a
# 30-digit reference and an amount of 260).
PRODUCTS = '''{"success":true,"error":0,"message":"Consulta Exitosa","data":{
 "bolsas":[{"ID":"1","Nombre":"Tiempo Aire"},{"ID":"2","Nombre":"Pago de Servicios"}],
 "categorias":[{"ID":"1","Nombre":"Tiempo Aire","Icono":""}],
 "carriers":[
  {"ID":"1","Nombre":"Telcel","Logotipo":"","BolsaID":"1","Categoria":"Tiempo Aire",
   "CategoriaID":"1","Tipo":"1","Promos":null,
   "Campos":[{"Nombre":"Número celular","Campo":"referencia","Min":"10","Max":"10",
              "Formato":"1","Confirmar":"1","Obligatorio":"1","iniCero":"0"}]},
  {"ID":40,"Nombre":"CFE","BolsaID":2,"Categoria":"Servicios","CategoriaID":3,"Tipo":2,
   "Campos":[{"Nombre":"Número de servicio","Campo":"referencia","Min":12,"Max":30,
              "Formato":1,"Confirmar":1,"Obligatorio":1},
             {"Nombre":"Importe","Campo":"monto","Min":1,"Max":5000,"Formato":3,
              "Confirmar":0,"Obligatorio":1}]}],
 "productos":[
  {"Bolsa":"Tiempo Aire","BolsaID":"1","Categoria":"Tiempo Aire","CategoriaID":"1",
   "Carrier":"Telcel","CarrierID":"1","Codigo":"TEL010","Monto":"10","Unidades":"1",
   "Vigencia":"No Aplica","Descripcion":"Recarga Telcel $10","Nombre":"Telcel $10"},
  {"Bolsa":"Pago de Servicios","BolsaID":2,"Categoria":"Servicios","CategoriaID":3,
   "Carrier":"CFE","CarrierID":40,"Codigo":"CFE000","Monto":0,"Unidades":0,
   "Vigencia":"No Aplica","Descripcion":"Pago de recibo CFE","Nombre":"CFE"}]},
 "extra":null}'''

# Built, not quoted: a public PHP script (code index id 16009918628) reads getSales' ``data``
# as a list of lines with ``Telefono`` and ``Nota`` ("Recarga Exitosa"); the other fields are
# taken to be StatusTXN's (docs/dealers/taecel.md says why).
SALES = '''{"success":true,"error":0,"message":"Consulta Exitosa","data":[
 {"TransID":"250500041824","Fecha":"2025-05-01 16:55:03","Carrier":"Telcel",
  "Telefono":"5555555505","Folio":"916581","Status":"Exitosa","Monto":"$10.00",
  "Bolsa":"Tiempo Aire","Nota":"Recarga Exitosa","Saldo Final":"$734.90"},
 {"TransID":"250500041830","Fecha":"2025-05-01 16:55:09","Carrier":"Telcel",
  "Telefono":"5555555510","Folio":"","Status":"Fracasada ","Monto":"$50.00",
  "Bolsa":"Tiempo Aire","Nota":"","Saldo Final":"$734.90"}],"extra":null}'''
