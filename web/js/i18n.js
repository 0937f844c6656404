// Spanish and English: English strings are the keys; Spanish is chosen by the user's lang (es_*).
const ES = {
  'Log in': 'Iniciar sesión', 'Database': 'Base de datos', 'Login': 'Usuario', 'Password': 'Contraseña',
  'Wrong login or password': 'Usuario o contraseña incorrectos', 'Log out': 'Cerrar sesión', 'Company': 'Empresa',
  'Choose the company': 'Elija la empresa', 'Continue': 'Continuar',
  'Pipeline': 'Flujo de ventas', 'Leads': 'Iniciativas', 'Opportunities': 'Oportunidades', 'My Activities': 'Mis actividades',
  'Quotations': 'Presupuestos', 'Customers': 'Clientes', 'Sales Teams': 'Equipos de ventas', 'Reports': 'Informes',
  'Configuration': 'Configuración', 'Users': 'Usuarios', 'All teams': 'Todos los equipos', 'Team': 'Equipo',
  'Kanban': 'Kanban', 'List': 'Lista', 'New': 'Nuevo', 'Add': 'Añadir', 'Cancel': 'Cancelar', 'Save': 'Guardar',
  'Delete': 'Eliminar', 'Edit': 'Editar', 'Close': 'Cerrar', 'Search': 'Buscar', 'Filters': 'Filtros', 'Group by': 'Agrupar por',
  'None': 'Ninguno', 'My pipeline': 'Mi flujo', 'Unassigned': 'Sin asignar', 'Open': 'Abiertas', 'Won': 'Ganadas', 'Lost': 'Perdidas',
  'Overdue': 'Vencidas', 'Today': 'Hoy', 'Planned': 'Planificadas', 'Fold': 'Plegar', 'Unfold': 'Desplegar',
  'Quick create': 'Creación rápida', 'Opportunity': 'Oportunidad', 'Lead': 'Iniciativa', 'Expected revenue': 'Ingreso esperado',
  'Customer': 'Cliente', 'Salesperson': 'Comercial', 'Stage': 'Etapa', 'Priority': 'Prioridad', 'Tags': 'Etiquetas',
  'Probability': 'Probabilidad', 'Expected closing': 'Cierre previsto', 'Email': 'Correo electrónico', 'Phone': 'Teléfono',
  'Mobile': 'Móvil', 'Company name': 'Nombre de la empresa', 'Contact name': 'Nombre del contacto', 'Job position': 'Puesto de trabajo',
  'Title': 'Título', 'Website': 'Sitio web', 'Street': 'Calle', 'Street 2': 'Calle 2', 'Zip': 'C.P.', 'City': 'Ciudad',
  'State': 'Provincia', 'Country': 'País', 'Language': 'Idioma', 'Notes': 'Notas', 'Referred by': 'Referido por',
  'Campaign': 'Campaña', 'Medium': 'Medio', 'Source': 'Origen', 'Lost reason': 'Motivo de pérdida', 'Email cc': 'CC',
  'Color': 'Color', 'Contact': 'Contacto', 'Address': 'Dirección', 'Marketing': 'Marketing', 'Description': 'Descripción',
  'Convert to opportunity': 'Convertir en oportunidad', 'Mark won': 'Marcar como ganada', 'Mark lost': 'Marcar como perdida',
  'Restore': 'Restaurar', 'Schedule activity': 'Planificar actividad', 'History': 'Historial', 'Activities': 'Actividades',
  'Create a new customer': 'Crear un nuevo cliente', 'Link to an existing customer': 'Vincular a un cliente existente',
  'Do not link to a customer': 'No vincular a un cliente', 'Convert': 'Convertir', 'Activity type': 'Tipo de actividad',
  'Summary': 'Resumen', 'Due date': 'Fecha límite', 'Assigned to': 'Asignada a', 'Schedule': 'Planificar', 'Done': 'Hecho',
  'Mark as done': 'Marcar como hecha', 'Feedback': 'Comentarios', 'Document': 'Documento', 'No activities': 'Sin actividades',
  'Only mine': 'Solo las mías', 'Remove filter': 'Quitar filtro', 'Reminders': 'Recordatorios', 'overdue': 'vencidas', 'today': 'hoy',
  'Quotation': 'Presupuesto', 'Number': 'Número', 'Date': 'Fecha', 'Total': 'Total', 'Status': 'Estado', 'Untaxed amount': 'Base imponible',
  'Taxes': 'Impuestos', 'Order lines': 'Líneas del pedido', 'Optional products': 'Productos opcionales', 'Product': 'Producto',
  'Quantity': 'Cantidad', 'Unit price': 'Precio unitario', 'Discount (%)': 'Descuento (%)', 'Subtotal': 'Subtotal',
  'Add a line': 'Añadir una línea', 'Add an optional product': 'Añadir un producto opcional', 'Add to order': 'Añadir al pedido',
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
  'Not found': 'No encontrado', 'Archived': 'Archivada', 'created': 'creado', 'Reason': 'Motivo', 'Type': 'Tipo',
  'Nothing to show': 'Nada que mostrar', 'Customer (link)': 'Cliente (vincular)', 'records': 'registros',
  'Use the arrow keys Left and Right to move the card to another stage, Enter to open it.':
    'Use las flechas izquierda y derecha para mover la tarjeta a otra etapa, Intro para abrirla.',
  'Menu': 'Menú', 'Leads report': 'Informe de iniciativas', 'Pipeline report': 'Informe del flujo', 'Activities report': 'Informe de actividades',
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
};

let spanish = false;

export function setLanguage(lang) {
  spanish = String(lang || '').toLowerCase().startsWith('es');
  document.documentElement.lang = spanish ? 'es' : 'en';
}

/** The text in the user's language; {name} placeholders are replaced by values.name. */
export function t(text, values) {
  const translated = (spanish && ES[text]) || text;
  return values ? translated.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole)) : translated;
}

/** The BCP 47 locale of the interface (for Intl). */
export function locale() { return spanish ? 'es-MX' : 'en-US'; }

export function money(value) {
  return new Intl.NumberFormat(spanish ? 'es-ES' : 'en-US', { maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(value || 0);
}

export function date(value) {
  if (!value) return '';
  const parsed = new Date(String(value).length <= 10 ? `${value}T00:00:00` : `${String(value).replace(' ', 'T')}Z`);
  return Number.isNaN(parsed.getTime()) ? String(value) : parsed.toLocaleDateString(spanish ? 'es-ES' : 'en-GB');
}
