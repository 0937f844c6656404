// Spanish and English: English strings are the keys; Spanish is chosen by the user's lang (es_*).
const ES = {
  'Log in': 'Iniciar sesión', 'Database': 'Base de datos', 'Login': 'Usuario', 'Password': 'Contraseña',
  'Wrong login or password': 'Usuario o contraseña incorrectos', 'Log out': 'Cerrar sesión', 'Company': 'Empresa',
  'Choose the company': 'Elija la empresa', 'Continue': 'Continuar',
  'Pipeline': 'Flujo de ventas', 'Leads': 'Iniciativas', 'Opportunities': 'Oportunidades', 'My Activities': 'Mis actividades',
  'Quotations': 'Presupuestos', 'Customers': 'Clientes', 'Sales Teams': 'Equipos de ventas', 'Reports': 'Reportes',
  'Configuration': 'Configuración', 'Users': 'Usuarios', 'All teams': 'Todos los equipos', 'Team': 'Equipo',
  'Kanban': 'Kanban', 'List': 'Lista', 'New': 'Nuevo', 'Add': 'Agregar', 'Cancel': 'Cancelar', 'Save': 'Guardar',
  'Delete': 'Eliminar', 'Edit': 'Editar', 'Close': 'Cerrar', 'Search': 'Buscar', 'Filters': 'Filtros', 'Group by': 'Agrupar por',
  'None': 'Ninguno', 'My pipeline': 'Mi flujo', 'Unassigned': 'Sin asignar', 'Open': 'Abiertas', 'Won': 'Ganadas', 'Lost': 'Perdidas',
  'Overdue': 'Vencidas', 'Today': 'Hoy', 'Planned': 'Planeadas', 'Fold': 'Plegar', 'Unfold': 'Desplegar',
  'Quick create': 'Creación rápida', 'Opportunity': 'Oportunidad', 'Lead': 'Iniciativa', 'Expected revenue': 'Ingreso esperado',
  'Customer': 'Cliente', 'Salesperson': 'Vendedor', 'Stage': 'Etapa', 'Priority': 'Prioridad', 'Tags': 'Etiquetas',
  'Probability': 'Probabilidad', 'Expected closing': 'Cierre previsto', 'Email': 'Correo electrónico', 'Phone': 'Teléfono',
  'Mobile': 'Celular', 'Company name': 'Nombre de la empresa', 'Contact name': 'Nombre del contacto', 'Job position': 'Puesto de trabajo',
  'Title': 'Título', 'Website': 'Sitio web', 'Street': 'Calle', 'Street 2': 'Calle 2', 'Zip': 'C.P.', 'City': 'Ciudad',
  'State': 'Estado', 'Country': 'País', 'Language': 'Idioma', 'Notes': 'Notas', 'Referred by': 'Referido por',
  'Campaign': 'Campaña', 'Marketing medium': 'Medio', 'Source': 'Origen', 'Lost reason': 'Motivo de pérdida', 'Email cc': 'CC',
  'Color': 'Color', 'Contact': 'Contacto', 'Address': 'Dirección', 'Marketing': 'Marketing', 'Description': 'Descripción',
  'Convert to opportunity': 'Convertir en oportunidad', 'Mark won': 'Marcar como ganada', 'Mark lost': 'Marcar como perdida',
  'Restore': 'Restaurar', 'Schedule activity': 'Programar actividad', 'History': 'Historial', 'Activities': 'Actividades',
  'Create a new customer': 'Crear un nuevo cliente', 'Link to an existing customer': 'Vincular a un cliente existente',
  'Do not link to a customer': 'No vincular a un cliente', 'Convert': 'Convertir', 'Activity type': 'Tipo de actividad',
  'Summary': 'Resumen', 'Due date': 'Fecha límite', 'Assigned to': 'Asignada a', 'Schedule': 'Programar', 'Done': 'Hecho',
  'Mark as done': 'Marcar como hecha', 'Feedback': 'Comentarios', 'Document': 'Documento', 'No activities': 'Sin actividades',
  'Only mine': 'Solo las mías', 'Remove filter': 'Quitar filtro', 'Reminders': 'Recordatorios', '1 meeting today': '1 reunión hoy', '{n} meetings today': '{n} reuniones hoy', 'overdue': 'vencidas', 'today': 'hoy',
  'Quotation': 'Presupuesto', 'Number': 'Número', 'Date': 'Fecha', 'Total': 'Total', 'Status': 'Estado', 'Untaxed amount': 'Importe sin impuestos',
  'Taxes': 'Impuestos', 'Order lines': 'Líneas del pedido', 'Optional products': 'Productos opcionales', 'Product': 'Producto',
  'Quantity': 'Cantidad', 'Unit price': 'Precio unitario', 'Discount (%)': 'Descuento (%)', 'Subtotal': 'Subtotal',
  'Add a line': 'Agregar una línea', 'Add an optional product': 'Agregar un producto opcional', 'Add to order': 'Agregar al pedido',
  'Send by email': 'Enviar por correo', 'Confirm': 'Confirmar', 'Expiration': 'Vencimiento', 'Payment terms': 'Plazos de pago',
  'Draft': 'Borrador', 'Quotation sent': 'Presupuesto enviado', 'Sales order': 'Pedido de venta', 'Locked': 'Bloqueado', 'Cancelled': 'Cancelado',
  'Individual': 'Persona', 'Is a company': 'Es una empresa', 'Name': 'Nombre', 'Open opportunities': 'Oportunidades abiertas',
  'Overdue opportunities': 'Oportunidades vencidas', 'Open quotations': 'Presupuestos abiertos', 'Invoiced this month': 'Facturado este mes',
  'Target': 'Objetivo', 'Unassigned leads': 'Iniciativas sin asignar', 'Pivot': 'Tabla dinámica', 'Chart': 'Gráfico',
  'Forecast': 'Previsión', 'Measure': 'Medida', 'Count': 'Número', 'Rows': 'Filas', 'Columns': 'Columnas',
  'Stages': 'Etapas', 'Lost reasons': 'Motivos de pérdida', 'Activity types': 'Tipos de actividad', 'Settings': 'Ajustes',
  'Use leads': 'Usar iniciativas', 'Sequence': 'Secuencia', 'Folded': 'Plegada', 'Is won stage': 'Etapa ganada',
  'Team leader': 'Jefe de equipo', 'Members': 'Miembros', 'Monthly target': 'Objetivo mensual', 'Delay (days)': 'Retraso (días)',
  'Access level': 'Nivel de acceso', 'Own documents': 'Documentos propios', 'All documents': 'Todos los documentos',
  'Administrator': 'Administrador', 'No access': 'Sin acceso', 'Invite': 'Invitar', 'Set access': 'Cambiar acceso',
  'Saved': 'Guardado', 'Moved to': 'Movida a', 'Move up': 'Subir', 'Move down': 'Bajar', 'Back': 'Volver',
  'Not found': 'No encontrado', 'Archived': 'Archivada', 'Archive': 'Archivar', 'created': 'creado', 'Reason': 'Motivo', 'Type': 'Tipo',
  'Nothing to show': 'Nada que mostrar', 'Customer (link)': 'Cliente (vincular)', 'records': 'registros',
  'Use the arrow keys Left and Right to move the card to another stage, Enter to open it.':
    'Use las flechas izquierda y derecha para mover la tarjeta a otra etapa, Intro para abrirla.',
  'Menu': 'Menú', 'Leads report': 'Reporte de iniciativas', 'Pipeline report': 'Reporte del flujo', 'Activities report': 'Reporte de actividades',
  'Month': 'Mes', 'Created': 'Creado', 'Deadline month': 'Mes de cierre', 'Prorated revenue': 'Ingreso prorrateado',
  'Low': 'Baja', 'Medium': 'Media', 'High': 'Alta', 'Very high': 'Muy alta', 'Stars': 'Estrellas',
  'Mail domain': 'Dominio de correo', 'Request a mail domain': 'Solicitar un dominio de correo', 'Request': 'Solicitar',
  'Incoming mail to the teams\' aliases and the addresses you send from use this domain. The operator assigns it.':
    'El correo entrante a los alias de los equipos y las direcciones desde las que envía usan este dominio. Lo asigna el operador.',
  'Publish this DNS record, then ask the operator to check it. The domain is yours once the record is found and no other company holds it.':
    'Publique este registro DNS y pida al operador que lo compruebe. El dominio será suyo cuando se encuentre el registro y ninguna otra empresa lo tenga.',
  'Value': 'Valor', 'Valid until': 'Válido hasta',
  // Invitations, users, preferences (Mexican Spanish).
  'Preferences': 'Preferencias', 'Invitations': 'Invitaciones', 'Accept': 'Aceptar', 'Decline': 'Rechazar', 'Decline invitation': 'Rechazar invitación', 'Later': 'Más tarde',
  'Withdraw': 'Retirar', 'Withdraw invitation': 'Retirar invitación', 'Invite a user': 'Invitar a un usuario',
  'Send invitation': 'Enviar invitación', 'Pending invitations': 'Invitaciones pendientes', 'Past invitations': 'Invitaciones anteriores',
  'No pending invitations.': 'No hay invitaciones pendientes.', 'Invited on': 'Fecha de invitación', 'Expires': 'Vence',
  'Answered on': 'Fecha de respuesta', 'Invited by': 'Invitado por', 'Pending': 'Pendiente', 'Accepted': 'Aceptada',
  'Declined': 'Rechazada', 'Withdrawn': 'Retirada', 'Expired': 'Vencida',
  'They receive an e-mail to join; they appear among the users once they accept.':
    'La persona recibe un correo para unirse; aparecerá entre los usuarios cuando acepte.',
  'Invitation sent to {login}.': 'Se envió la invitación a {login}.',
  'Withdraw the invitation to {login}? The link sent to this address will stop working.':
    '¿Retirar la invitación a {login}? El enlace enviado a esa dirección dejará de funcionar.',
  'Invitation to {login} withdrawn.': 'Se retiró la invitación a {login}.',
  '{company} invites you to join it': '{company} le invita a unirse',
  'Invited by {name}': 'Le invitó {name}', 'Access: {level}': 'Acceso: {level}', 'Until {date}': 'Vigente hasta el {date}',
  'Decline the invitation of {company}?': '¿Rechazar la invitación de {company}?',
  'You joined {company}.': 'Ahora forma parte de {company}.', 'Invitation declined.': 'Invitación rechazada.',
  'You have no pending invitations.': 'No tiene invitaciones pendientes.',
  'You do not have access to any company yet.': 'Todavía no tiene acceso a ninguna empresa.',
  'Signed in as {login}': 'Sesión iniciada como {login}',
  'Your details': 'Sus datos', 'Language and time zone': 'Idioma y zona horaria', 'Time zone': 'Zona horaria',
  'Home company': 'Empresa principal', 'The company you start in when you log in.': 'La empresa con la que inicia al entrar.',
  'Email signature': 'Firma de correo', 'Added to the e-mails you send from Embudo.': 'Se agrega a los correos que envía desde Embudo.',
  'Change password': 'Cambiar contraseña', 'Current password': 'Contraseña actual', 'New password': 'Contraseña nueva',
  'Confirm the new password': 'Confirmar contraseña nueva', 'At least 8 characters.': 'Al menos 8 caracteres.',
  'Preferences saved.': 'Se guardaron las preferencias.', 'Password changed.': 'Se cambió la contraseña.',
  'Check the marked fields:': 'Revise los campos marcados:', 'Enter your name.': 'Escriba su nombre.',
  'This language is not available.': 'Este idioma no está disponible.', 'This time zone does not exist.': 'Esta zona horaria no existe.',
  'Choose one of your companies.': 'Elija una de sus empresas.', 'Enter your current password.': 'Escriba su contraseña actual.',
  'The current password is not correct.': 'La contraseña actual no es correcta.', 'Use at least 8 characters.': 'Use al menos 8 caracteres.',
  'The passwords do not match.': 'Las contraseñas no coinciden.', 'Enter an e-mail address.': 'Escriba una dirección de correo electrónico.',
  // Messages, the pipeline's columns and the phone's stage switcher.
  'This field is required.': 'Este campo es obligatorio.', 'Enter a valid e-mail address.': 'Escriba una dirección de correo electrónico válida.',
  'Enter a valid number.': 'Escriba un número válido.', 'Load more': 'Cargar más', 'Move to…': 'Mover a…',
  'Coordinated Universal Time': 'Tiempo universal coordinado', 'Other': 'Otras',
  'America': 'América', 'Europe': 'Europa', 'Africa': 'África', 'Asia': 'Asia', 'Atlantic': 'Atlántico', 'Pacific': 'Pacífico',
  'Indian': 'Índico', 'Australia': 'Australia', 'Antarctica': 'Antártida', 'Arctic': 'Ártico',
  // Issue 22: wording of the user guide (Mexican Spanish) for the forms, reports, customers, products and pricelists.
  'Sales Team': 'Equipo de ventas', 'Sales': 'Ventas', 'Required': 'Obligatorio', 'Remove': 'Quitar', 'Add a tag…': 'Agregar una etiqueta…',
  'Add a tax…': 'Agregar un impuesto…', 'Calendar': 'Calendario', 'Enter a date as {pattern}.': 'Escriba la fecha como {pattern}.',
  'e.g. Product pricing': 'p. ej. Precios de productos', 'Internal notes': 'Notas internas', 'Choose a country first': 'Elija primero un país',
  'No states': 'Sin estados', 'New quotation': 'Nuevo presupuesto', 'Converted to an opportunity.': 'Se convirtió en oportunidad.',
  'Schedule an activity': 'Programar una actividad', 'Activity scheduled.': 'Actividad programada.',
  'Log note': 'Registrar nota', 'Send message': 'Enviar mensaje', 'Note': 'Nota', 'Message': 'Mensaje', 'Log': 'Registrar', 'Send': 'Enviar',
  'Only your team sees notes.': 'Solo su equipo ve las notas.', 'The customer receives this message by e-mail.': 'El cliente recibe este mensaje por correo.',
  'Note logged.': 'Nota registrada.', 'Message sent.': 'Mensaje enviado.', 'Yes': 'Sí', 'No': 'No', 'Not set': 'Sin definir',
  'Overdue activities': 'Actividades vencidas', 'Name, company, e-mail…': 'Nombre, empresa, correo…', 'Name, e-mail, city…': 'Nombre, correo, ciudad…',
  'No grouping': 'Sin agrupar', 'No stage': 'Sin etapa', 'No team': 'Sin equipo', 'No customer': 'Sin cliente', 'No country': 'Sin país',
  'No reason': 'Sin motivo', 'No type': 'Sin tipo', 'No date': 'Sin fecha',
  'Administrators only': 'Solo administradores', 'This screen is for the administrators of the company.': 'Esta pantalla es para los administradores de la empresa.',
  'Delete {name}? This cannot be undone.': '¿Eliminar {name}? No se puede deshacer.', 'Deleted': 'Eliminado',
  '{name} is in use ({count}): archive it instead? It will no longer be offered.':
    '{name} está en uso ({count}): ¿archivarlo en su lugar? Ya no se ofrecerá.',
  'No domain assigned yet': 'Todavía no hay un dominio asignado',
  // Reports
  'Won revenue by month': 'Ingresos ganados por mes', 'Leads and opportunities': 'Iniciativas y oportunidades', 'Export (CSV)': 'Exportar (CSV)',
  'Bar chart': 'Barras', 'Line chart': 'Líneas', 'Pie chart': 'Pastel', 'No columns': 'Sin columnas', 'from': 'desde', 'to': 'hasta',
  'Created (month)': 'Creación (mes)', 'Closed (month)': 'Cierre (mes)', 'Expected closing (month)': 'Cierre previsto (mes)', 'Date (month)': 'Fecha (mes)',
  'Probability (average)': 'Probabilidad (promedio)', 'Days to close (average)': 'Días para cerrar (promedio)', 'Kind': 'Clase',
  'Expected Closing': 'Cierre previsto', 'Close Date': 'Fecha de cierre', 'Creation Date': 'Fecha de creación',
  'Very High': 'Muy alta', 'Done activity': 'Actividad hecha', 'Pending activity': 'Actividad pendiente',
  // Customers
  'New customer': 'Nuevo cliente', 'Contacts': 'Contactos', 'Add a contact': 'Agregar un contacto', 'Tax ID (RFC)': 'RFC',
  'Pricelist': 'Lista de precios', 'e.g. Muebles del Norte': 'p. ej. Muebles del Norte',
  // Quotations
  'Quotation date': 'Fecha del presupuesto', 'Invoicing (CFDI)': 'Facturación (CFDI)', 'CFDI use': 'Uso del CFDI', 'Payment form': 'Forma de pago',
  'Payment method': 'Método de pago', 'Terms and conditions': 'Términos y condiciones', 'Section or note': 'Sección o nota',
  'Add a section': 'Agregar una sección', 'Add a note': 'Agregar una nota', 'In the order': 'En el pedido', 'Set to quotation': 'Volver a presupuesto',
  'Estimated with the products\' prices: the pricelist applies when the quotation is saved.':
    'Estimado con los precios de los productos: la lista de precios se aplica al guardar el presupuesto.',
  // Products, pricelists, configuration
  'Products': 'Productos', 'Pricelists': 'Listas de precios', 'Price rules': 'Reglas de precio', 'Internal reference': 'Referencia interna',
  'Sales price': 'Precio de venta', 'Cost': 'Costo', 'Product type': 'Tipo de producto', 'Unit of measure': 'Unidad de medida',
  'Product category': 'Categoría de producto', 'Customer taxes': 'Impuestos del cliente', 'Can be sold': 'Se puede vender', 'Currency': 'Moneda',
  'Apply on': 'Aplicar en', 'Min. quantity': 'Cantidad mínima', 'Price': 'Precio', 'Fixed price': 'Precio fijo', 'Start date': 'Fecha de inicio',
  'End date': 'Fecha de fin', 'Add a rule': 'Agregar una regla', 'All Products': 'Todos los productos', 'Product Category': 'Categoría de producto',
  'Product Variant': 'Variante de producto', 'Fixed Price': 'Precio fijo', 'Percentage (discount)': 'Porcentaje (descuento)', 'Formula': 'Fórmula',
  'Consumable': 'Consumible', 'Service': 'Servicio', 'Storable Product': 'Almacenable',
  'Default summary': 'Resumen predeterminado', 'Delay': 'Plazo', 'Delay unit': 'Unidad del plazo', 'Days': 'Días', 'Weeks': 'Semanas', 'Months': 'Meses',
  'Counted from': 'Contado desde', 'the day it is scheduled': 'el día en que se programa', 'the previous deadline': 'la fecha límite anterior',
  'Next activity': 'Siguiente actividad', 'Forced': 'Obligatoria', 'Email alias': 'Alias de correo', 'Accept emails from': 'Aceptar correos de',
  'Everyone': 'Todos', 'Known customers': 'Clientes conocidos', 'Followers only': 'Solo seguidores', 'Default Summary': 'Resumen predeterminado',
  'No color': 'Sin color', 'Red': 'Rojo', 'Orange': 'Naranja', 'Yellow': 'Amarillo', 'Light blue': 'Azul claro', 'Dark purple': 'Morado oscuro',
  'Salmon pink': 'Rosa salmón', 'Medium blue': 'Azul medio', 'Dark blue': 'Azul oscuro', 'Fuchsia': 'Fucsia', 'Green': 'Verde', 'Purple': 'Morado',
  // The server's words: history, activity types, tracked fields
  'Discussions': 'Conversaciones', 'Opportunity Created': 'Oportunidad creada', 'Lead Created': 'Iniciativa creada', 'Stage Changed': 'Cambio de etapa',
  'Opportunity Won': 'Oportunidad ganada', 'Opportunity Lost': 'Oportunidad perdida', 'Opportunity Restored': 'Oportunidad restaurada',
  'Sales Order Confirmed': 'Pedido de venta confirmado', 'Call': 'Llamada', 'Meeting': 'Reunión', 'Order Upsell': 'Venta adicional',
  'To Do': 'Por hacer', 'Upload Document': 'Subir documento', 'Exception': 'Excepción', 'Expected Revenue': 'Ingreso esperado',
  'Lost Reason': 'Motivo de pérdida', 'Active': 'Activo', 'Stage Name': 'Etapa', 'Order Date': 'Fecha del pedido', 'Prorated Revenue': 'Ingreso prorrateado',
  'Opportunity created': 'Oportunidad creada', 'Lead created': 'Iniciativa creada',
  // Issue 23: the calendar (Mexican Spanish).
  'Week': 'Semana', 'Day': 'Día', 'View': 'Vista', 'Previous': 'Anterior', 'Next': 'Siguiente', 'All day': 'Todo el día',
  'Attendees': 'Asistentes', 'Everybody': 'Todos', 'me': 'yo', 'No attendees in these days': 'Sin asistentes en estos días',
  'Busy': 'Ocupado', 'Available': 'Disponible', '{count} more': '{count} más', 'Meetings': 'Reuniones',
  'New event': 'Nuevo evento', 'Edit the event': 'Editar el evento', 'Delete the event': 'Eliminar el evento', 'Event created.': 'Evento creado.',
  'e.g. Product demonstration': 'p. ej. Demostración del producto', 'Starts': 'Empieza', 'Ends': 'Termina',
  'Start time': 'Hora de inicio', 'End time': 'Hora de fin', 'Colleagues': 'Colegas', 'Customers and contacts': 'Clientes y contactos', 'Add a colleague…': 'Agregar un colega…',
  'Add a customer or contact…': 'Agregar un cliente o contacto…', 'Location': 'Ubicación',
  'Video call link': 'Enlace de videollamada', 'Video call': 'Videollamada', 'Join the video call': 'Unirse a la videollamada',
  'Privacy': 'Privacidad', 'Public': 'Público', 'Private': 'Privado', 'Only internal users': 'Solo usuarios internos', 'Show as': 'Mostrar como',
  'Add a reminder…': 'Agregar un recordatorio…', '{count} min before': '{count} min antes', '{count} h before': '{count} h antes',
  '{count} days before': '{count} días antes', 'At the start': 'Al comenzar', 'by e-mail': 'por correo', 'notification': 'notificación',
  'The event cannot end before it starts.': 'El evento no puede terminar antes de empezar.', 'Organizer': 'Organizador', 'Repeats': 'Se repite',
  'Going': 'Asistirá', 'Not going': 'No asistirá', 'Maybe going': 'Tal vez asista', 'Awaiting answer': 'Sin responder',
  'Your answer:': 'Su respuesta:', 'Maybe': 'Tal vez', 'Meeting marked as done.': 'Reunión marcada como hecha.',
  'This event repeats. Change:': 'Este evento se repite. Cambiar:', 'Change': 'Cambiar', 'This event': 'Este evento',
  'This and following events': 'Este y los siguientes', 'All events': 'Todos los eventos', 'Move a recurring event': 'Mover un evento recurrente',
  'Change a recurring event': 'Cambiar un evento recurrente', 'Drag to change the end': 'Arrastre para cambiar el final',
  'New meeting for {name}: click or drag over its time in the calendar.': 'Nueva reunión para {name}: haga clic o arrastre sobre su horario en el calendario.',
  'Back to the opportunity': 'Volver a la oportunidad', 'Open the calendar': 'Abrir el calendario',
  'Subscribe': 'Suscribirse', 'Subscribe to my calendar': 'Suscribirse a mi calendario',
  'See your meetings in Google Calendar, Apple Calendar or Outlook: they read a private link and keep it up to date.':
    'Vea sus reuniones en Google Calendar, Calendario de Apple u Outlook: se suscriben a un enlace privado y se actualizan solas.',
  'A new link replaces the previous one.': 'Un enlace nuevo reemplaza al anterior.', 'Include my activities': 'Incluir mis actividades',
  'Create the link': 'Crear el enlace', 'Your calendar\'s private link': 'Enlace privado de su calendario', 'Copy': 'Copiar', 'Copied': 'Copiado',
  'This link is shown only once: copy it now. Anyone who has it can see your meetings.':
    'Este enlace se muestra solo una vez: cópielo ahora. Cualquier persona que lo tenga puede ver sus reuniones.',
  'Google Calendar: Other calendars › + › From URL.': 'Google Calendar: Otros calendarios › + › Desde URL.',
  'Apple Calendar: File › New Calendar Subscription.': 'Calendario de Apple: Archivo › Nueva suscripción a calendario.',
  'Outlook: Add calendar › Subscribe from web.': 'Outlook: Agregar calendario › Suscribirse desde la web.',
  'Revoke the link': 'Revocar el enlace', 'The link no longer works.': 'El enlace ya no funciona.',
  'The calendars subscribed with your link will stop receiving your meetings.': 'Los calendarios suscritos con su enlace dejarán de recibir sus reuniones.',
  // Issue 22 (seen, not fixed): numbers typed in the user's locale, the configuration's sections, the customers' pages.
  'Enter a number, for example {example}.': 'Escriba un número, por ejemplo {example}.',
  'Enter a whole number, for example {example}.': 'Escriba un número entero, por ejemplo {example}.',
  'Enter a number from {min} to {max}.': 'Escriba un número de {min} a {max}.',
  'Enter a number of at least {min}.': 'Escriba un número mayor o igual a {min}.',
  'Enter a number of at most {max}.': 'Escriba un número menor o igual a {max}.',
  '{name} is not a number.': '{name} no es un número.',
  'Sections': 'Secciones', 'Pages': 'Páginas', 'Previous page': 'Página anterior', 'Next page': 'Página siguiente',
  '{first}–{last} of {total}': '{first}–{last} de {total}',
  // Issue 22: the quotation e-mail's composer, attachments.
  'To': 'Para', 'Subject': 'Asunto', 'no e-mail address': 'sin correo electrónico',
  'The quotation has no customer to send it to.': 'El presupuesto no tiene cliente a quien enviarlo.',
  'The quotation was sent by e-mail.': 'El presupuesto se envió por correo.',
  'Attachments': 'Archivos adjuntos', 'Attach a file': 'Adjuntar archivo', 'No attachments yet.': 'Todavía no hay archivos adjuntos.',
  'Download': 'Descargar', '{n} bytes': '{n} bytes', 'The file could not be read.': 'No se pudo leer el archivo.',
  'Delete the file?': '¿Eliminar el archivo?', '"{name}" will be deleted from this document.': 'Se eliminará «{name}» de este documento.',
  'Only who added this file, or an administrator, can delete it.': 'Solo quien agregó este archivo, o un administrador, puede eliminarlo.',
  'The file could not be deleted:': 'No se pudo eliminar el archivo:', 'File deleted.': 'Archivo eliminado.', 'File attached.': 'Archivo adjuntado.',
  '"{name}" is {size}: files of more than 10 MB cannot be attached.': '«{name}» pesa {size}: no se pueden adjuntar archivos de más de 10 MB.',
};

let spanish = false;
// Spain writes numbers as 1.234,56; Mexico and the rest of Latin America as 1,234.56 (es_ES is one of the server's languages).
let spain = false;
// The user's time zone (dates of datetimes are the user's days) and the company's currency (every amount shows it).
let zone = 'UTC';
let currency = { code: 'USD', digits: 2 };

export function setLanguage(lang, tz) {
  spanish = String(lang || '').toLowerCase().startsWith('es');
  spain = /^es[-_]es\b/i.test(String(lang || ''));
  document.documentElement.lang = spanish ? 'es' : 'en';
  if (tz !== undefined) zone = validZone(tz) ? tz : 'UTC';
}

/** The currency amounts are shown in when none is given: the company's (res.company.currency_id). */
export function setCurrency(code, digits = 2) {
  if (code) currency = { code, digits: Number.isInteger(digits) ? digits : 2 };
}
export function currencyCode() { return currency.code; }
/** The decimals of the company's currency (2 for MXN, USD and EUR). */
export function currencyDigits() { return currency.digits; }

/** The text in the user's language; {name} placeholders are replaced by values.name. */
export function t(text, values) {
  const translated = (spanish && ES[text]) || text;
  return values ? translated.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole)) : translated;
}

export function isSpanish() { return spanish; }

/** The user's time zone (IANA name; UTC when the session has none or an unknown one). */
export function timeZone() { return zone; }

/** The BCP 47 locale of the interface (for Intl): es-ES for Spain's Spanish, es-MX for the other Spanish, else en-US. */
export function locale() { return spain ? 'es-ES' : spanish ? 'es-MX' : 'en-US'; }

const formats = new Map();
function format(key, make) {
  const full = `${locale()}|${zone}|${key}`;
  if (!formats.has(full)) formats.set(full, make());
  return formats.get(full);
}

/**
 * A number in the user's locale: 1,234.5 (es-MX and en-US group alike; es-MX is the guide's), 1.234,5 in Spain. Thousands
 * are always grouped (Spain's own rule leaves 1234 ungrouped, which reads as a year next to 12.345).
 */
export function number(value, { digits = 2, minimum = 0 } = {}) {
  return format(`n${digits}.${minimum}`, () => new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: minimum,
    useGrouping: 'always' })).format(Number(value) || 0);
}

/** An amount with its currency: "$1,234.50 MXN" (the symbol in the locale's place, then the ISO code). */
export function money(value, code = currency.code) {
  const iso = Array.isArray(code) ? code[1] : code || currency.code;
  const digits = iso === currency.code ? currency.digits : 2;
  let text;
  try {
    text = format(`m${iso}`, () => new Intl.NumberFormat(locale(), { style: 'currency', currency: iso, currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: 'always' })).format(Number(value) || 0);
  } catch {
    text = number(value, { digits, minimum: digits });
  }
  return `${text} ${iso}`;
}

/** A percentage from 0–100: "45 %" in Spanish, "45%" in English. */
export function percent(value) {
  return format('p', () => new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 })).format((Number(value) || 0) / 100);
}

const DAY = { day: '2-digit', month: '2-digit', year: 'numeric' };

/** Parses a server value: 'YYYY-MM-DD' is a day, 'YYYY-MM-DD HH:MM:SS' an instant in UTC. */
function parse(value) {
  const text = String(value);
  if (text.length <= 10) {
    const [y, m, d] = text.split('-').map(Number);
    return { day: true, value: new Date(Date.UTC(y, m - 1, d)) };
  }
  return { day: false, value: new Date(`${text.replace(' ', 'T')}Z`) };
}

/** A date in the user's locale and order (dd/mm/aaaa in Spanish, mm/dd/yyyy in English): the order of the date fields. */
export function date(value) {
  if (!value) return '';
  const parsed = parse(value);
  if (Number.isNaN(parsed.value.getTime())) return String(value);
  // A day is the same day everywhere; an instant is the day it is in the user's time zone.
  return format(parsed.day ? 'dU' : 'dZ', () => new Intl.DateTimeFormat(locale(), { ...DAY, timeZone: parsed.day ? 'UTC' : zone })).format(parsed.value);
}

/** A date and time in the user's time zone: "07/12/2025, 14:05". */
export function dateTime(value) {
  if (!value) return '';
  const parsed = parse(value);
  if (parsed.day) return date(value);
  if (Number.isNaN(parsed.value.getTime())) return String(value);
  return format('dt', () => new Intl.DateTimeFormat(locale(), { ...DAY, hour: '2-digit', minute: '2-digit', timeZone: zone })).format(parsed.value);
}

/** "noviembre de 2026" / "November 2026" for the month starting on the day given (YYYY-MM-DD...). */
export function monthLabel(value) {
  if (!value) return '';
  const [y, m] = String(value).slice(0, 7).split('-').map(Number);
  const text = format('month', () => new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }))
    .format(new Date(Date.UTC(y, m - 1, 1)));
  return text.charAt(0).toLocaleUpperCase(locale()) + text.slice(1);
}

/** Today in the user's time zone, as YYYY-MM-DD. */
export function today(offsetDays = 0) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  if (!offsetDays) return parts;
  const [y, m, d] = parts.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + offsetDays)).toISOString().slice(0, 10);
}

/** The order of the date's parts in the user's locale (['day', 'month', 'year'] in Spanish) and the placeholder it asks for. */
export function dateOrder() {
  const parts = new Intl.DateTimeFormat(locale(), DAY).formatToParts(new Date(Date.UTC(2001, 10, 22)));
  return parts.filter((p) => p.type !== 'literal').map((p) => p.type);
}
export function datePlaceholder() {
  const names = spanish ? { day: 'dd', month: 'mm', year: 'aaaa' } : { day: 'dd', month: 'mm', year: 'yyyy' };
  return dateOrder().map((part) => names[part]).join('/');
}

/** A date typed in the user's order ("7/12/2025", "07-12-25") as YYYY-MM-DD; null when it is not a date, '' when empty. */
export function parseDate(text) {
  const trimmed = String(text || '').trim();
  if (!trimmed) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  // Digits only (07122025) are read in the same order: two for the day and the month, four for the year.
  let numbers = trimmed.split(/[^0-9]+/).filter(Boolean).map(Number);
  if (/^\d{8}$/.test(trimmed)) {
    let at = 0;
    numbers = dateOrder().map((part) => { const size = part === 'year' ? 4 : 2; at += size; return Number(trimmed.slice(at - size, at)); });
  }
  if (numbers.length !== 3) return null;
  const parts = Object.fromEntries(dateOrder().map((part, i) => [part, numbers[i]]));
  if (parts.year < 100) parts.year += 2000;
  const day = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  if (day.getUTCFullYear() !== parts.year || day.getUTCMonth() !== parts.month - 1 || day.getUTCDate() !== parts.day) return null;
  return day.toISOString().slice(0, 10);
}

function validZone(tz) {
  try { new Intl.DateTimeFormat('en-US', { timeZone: tz }); return !!tz; } catch { return false; }
}
